package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.TestCatalog;

/** What generate says on stdout: a summary for a person, every path for a pipe, or nothing. */
class ListingTest {
  @TempDir Path dir;

  /** A run whose stdout is a terminal (as the process's own would be, when it is one). */
  private static CliRun onTerminal(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = new Cli(new ByteArrayInputStream(new byte[0]), o, e, true).run(args);
    }
    return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aTerminalGetsOneSummaryLineInsteadOfEveryPath() {
    Path out = dir.resolve("out");
    CliRun run = onTerminal("generate", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    long all = TestCatalog.goldenFiles().size() - 1;
    assertEquals(out + ": " + all + " files written (jamf " + TestCatalog.goldenCount("jamf/", "") + ", intune "
        + TestCatalog.goldenCount("intune/", "") + ", plain " + TestCatalog.goldenCount("plain/", "")
        + ") and manifest.json; --verbose lists them\n", run.out());
    CliRun verbose = onTerminal("generate", "--out", out.toString(), "--verbose", "--mdm", "plain",
        "--profiles", "kext");
    assertEquals(0, verbose.exit(), verbose.err());
    // Written files listed, and each file the run removed said, whatever the listing.
    assertEquals(out.resolve("plain/kext.mobileconfig") + "\n", verbose.out().lines().findFirst().get() + "\n");
    assertEquals(all - 1, verbose.out().lines().filter(l -> l.startsWith("removed: ")).count());
  }

  @Test
  void quietListsNothingButStillSaysWhatItRemoved() {
    Path out = dir.resolve("out");
    CliRun first = CliRun.of("generate", "--out", out.toString(), "--mdm", "plain", "--quiet");
    assertEquals(0, first.exit(), first.err());
    assertEquals("", first.out());
    CliRun second = onTerminal("generate", "--out", out.toString(), "--mdm", "plain", "--profiles", "kext", "--quiet");
    assertEquals(0, second.exit(), second.err());
    StringBuilder removed = new StringBuilder();
    for (String name : TestCatalog.defaultNames()) {
      if (!name.equals("kext")) {
        removed.append("removed: ").append(out.resolve("plain/" + name + ".mobileconfig")).append('\n');
      }
    }
    assertEquals(removed.toString(), second.out());
  }

  @Test
  void aPipeGetsEveryPathAndQuietWithVerboseIsAUsageError() {
    Path out = dir.resolve("out");
    CliRun pipe = CliRun.of("generate", "--out", out.toString(), "--mdm", "plain", "--profiles", "kext");
    assertEquals(out.resolve("plain/kext.mobileconfig") + "\n", pipe.out());
    CliRun both = CliRun.of("generate", "--quiet", "--verbose", "--out", out.toString());
    assertEquals(2, both.exit());
    assertEquals("mde-profiles generate: --quiet and --verbose contradict each other; give one (see mde-profiles"
        + " help generate)\n", both.err());
  }
}
