package org.mdeprofiles.cli;

import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;

/** A password or secret: from an environment variable, a file or a terminal prompt, never argv. */
final class Passwords {
  private Passwords() {}

  /** From the options {@code prefix + "password-env"} and {@code prefix + "password-file"}, else a prompt. */
  static char[] read(CommandLine line, String prefix, Path identity) throws UsageException, InputException {
    return read(line, prefix + "password-env", prefix + "password-file", "password for " + identity);
  }

  /** From the options {@code env} (a variable's name) and {@code file}, else a prompt saying {@code what}. */
  static char[] read(CommandLine line, String env, String file, String what) throws UsageException, InputException {
    if (line.hasOption(env)) {
      String value = System.getenv(line.getOptionValue(env));
      if (value == null) {
        throw new UsageException("--" + env + ": the environment variable " + line.getOptionValue(env)
            + " is not set");
      }
      return value.toCharArray();
    }
    if (line.hasOption(file)) {
      Path path = Path.of(line.getOptionValue(file));
      String text = InputFiles.text(InputFiles.read(path), path.toString());
      int end = text.indexOf('\n');
      return (end < 0 ? text : text.substring(0, end)).replace("\r", "").toCharArray();
    }
    java.io.Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("%s: ", what);
      return typed == null ? new char[0] : typed;
    }
    return new char[0];
  }
}
