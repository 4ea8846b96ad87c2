package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CliTest {
  @Test
  void noArgumentsIsUsage() {
    CliRun run = CliRun.of();
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("usage: mde-profiles COMMAND [OPTIONS]\n"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("  generate   write the profiles Defender needs"), run.out());
    assertTrue(run.out().contains("  validate   check profiles"), run.out());
    assertTrue(run.out().contains("  list       show the profiles"), run.out());
    assertTrue(run.out().contains("exit codes: 0 ok, 1 findings, 2 usage error, 3 unreadable input or I/O"
        + " failure, 4 internal error"), run.out());
  }

  @Test
  void helpForACommandShowsItsOptions() {
    CliRun run = CliRun.of("help", "validate");
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("usage: mde-profiles validate [OPTIONS] FILE...|DIR|-\n"), run.out());
    assertTrue(run.out().contains("--strict"), run.out());
    assertEquals(run.out(), CliRun.of("validate", "--help").out());
  }

  @Test
  void versionComesFromTheBuild() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.exit());
    assertTrue(run.out().matches("mde-profiles \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), run.out());
  }

  @Test
  void unknownCommandAndOption() {
    CliRun command = CliRun.of("frobnicate");
    assertEquals(2, command.exit());
    assertEquals("mde-profiles: unknown command 'frobnicate' (try mde-profiles --help)\n", command.err());
    CliRun option = CliRun.of("generate", "--colour");
    assertEquals(2, option.exit());
    assertEquals("mde-profiles generate: Unrecognized option: --colour (see mde-profiles help generate)\n",
        option.err());
    CliRun partial = CliRun.of("validate", "--form", "json", "x");
    assertEquals(2, partial.exit(), "no abbreviated options");
  }

  @Test
  void listShowsTheCatalog() {
    CliRun run = CliRun.of("list");
    assertEquals(0, run.exit());
    assertEquals("PROFILE        MACOS          PURPOSE\n"
        + "kext           10.13-10.15    approves the Defender kernel extension (legacy: fleets on macOS"
        + " 10.15 and older)\n", run.out());
  }
}
