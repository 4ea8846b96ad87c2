package org.mdeprofiles.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process and keeps its exit code, stdout and stderr. */
public record CliRun(int exit, String out, String err) {
  public static CliRun of(String... args) {
    return withStdin(new byte[0], args);
  }

  /**
   * Writes {@code yaml} to {@code dir/c.yaml}, runs {@code generate --config} on it into
   * {@code dir/out}, and checks it fails as bad input with exactly {@code message} about the file.
   */
  public static void assertConfigError(java.nio.file.Path dir, String yaml, String message) throws java.io.IOException {
    java.nio.file.Path config = dir.resolve("c.yaml");
    java.nio.file.Files.writeString(config, yaml);
    CliRun run = of("generate", "--config", config.toString(), "--out", dir.resolve("out").toString());
    org.junit.jupiter.api.Assertions.assertEquals("mde-profiles: " + config + ": " + message + "\n", run.err());
    org.junit.jupiter.api.Assertions.assertEquals(3, run.exit());
    org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(dir.resolve("out")), "nothing written");
  }

  public static CliRun withStdin(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = new Cli(new ByteArrayInputStream(stdin), o, e).run(args);
    }
    return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
