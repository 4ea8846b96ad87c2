package org.mdeprofiles.cli;

import java.nio.file.Path;
import java.util.Optional;
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
    return read(line, env, file, Optional.empty(), Optional.empty(), what);
  }

  /**
   * From the options {@code env} and {@code file}; without them from the config's variable name
   * or file; else a prompt on a terminal (empty when there is none).
   */
  static char[] read(CommandLine line, String env, String file, Optional<String> configEnv,
      Optional<Path> configFile, String what) throws UsageException, InputException {
    Optional<String> variable = line.hasOption(env) ? Optional.of(line.getOptionValue(env)) : configEnv;
    Optional<Path> path = line.hasOption(file) ? Optional.of(Path.of(line.getOptionValue(file))) : configFile;
    if (variable.isPresent()) {
      String value = System.getenv(variable.get());
      if (value == null) {
        throw new UsageException((line.hasOption(env) ? "--" + env : "passwordEnv") + ": the environment variable "
            + variable.get() + " is not set");
      }
      return value.toCharArray();
    }
    if (path.isPresent()) {
      String text = InputFiles.text(InputFiles.read(path.get()), path.get().toString());
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
