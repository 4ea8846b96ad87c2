package org.mdeprofiles.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The training run for the launcher's class-data archive: generates the default bundle and
 * validates it, so the archive holds the classes both commands load.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) {
    String out = args[0];
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), quiet, quiet);
    int generate = cli.run(new String[] {"generate", "--out", out});
    int validate = cli.run(new String[] {"validate", "--quiet", out + "/plain"});
    int list = cli.run(new String[] {"list"});
    System.exit(generate == 0 && validate == 0 && list == 0 ? 0 : 1);
  }
}
