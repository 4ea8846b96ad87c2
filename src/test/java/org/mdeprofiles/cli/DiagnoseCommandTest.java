package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {
  @TempDir Path dir;

  @Test
  void kextTicketGivesTheExactText() throws Exception {
    Path health = dir.resolve("health.txt");
    Files.writeString(health, "real_time_protection_enabled : false\nreal_time_protection_available : true\n");
    CliRun run = CliRun.of("diagnose", health.toString());
    assertEquals(1, run.exit());
    assertEquals("problem: the Defender kernel extension (com.microsoft.wdavkext) is not approved"
        + " [kext-not-approved]\n"
        + "  seen:    " + health + ":1: real_time_protection_enabled : false\n"
        + "           " + health + ":2: real_time_protection_available : true\n"
        + "  meaning: macOS blocks the kernel extension until it is approved, so real-time protection cannot run"
        + " (macOS 10.15 and older).\n"
        + "  fix:     deploy the kext profile: mde-profiles generate --profiles kext\n"
        + "  manual:  within 30 minutes of installing Defender, open System Preferences > Security & Privacy and"
        + " click Allow for \"Microsoft Corporation\"; after 30 minutes, run sudo kextutil"
        + " /Library/Extensions/wdavkext.kext to show the prompt again, click Allow, then run the same command"
        + " once more\n\n1 problem found\n", run.out());
  }

  @Test
  void healthyMacExitsZero() {
    CliRun run = CliRun.withStdin(("healthy : true\nlicensed : true\nreal_time_protection_enabled : true\n"
        + "real_time_protection_available : true\n").getBytes(StandardCharsets.UTF_8), "diagnose");
    assertEquals(0, run.exit());
    assertEquals("no problems found\n", run.out());
  }

  @Test
  void jsonOutputForTools() {
    CliRun run = CliRun.withStdin("licensed : false\n".getBytes(StandardCharsets.UTF_8),
        "diagnose", "--format", "json", "-");
    assertEquals(1, run.exit());
    assertTrue(run.out().startsWith("{\n  \"healthy\": false,\n  \"conclusions\": [\n    {\n"
        + "      \"code\": \"not-onboarded\",\n"), run.out());
    assertTrue(run.out().contains("\"source\": \"<stdin>\",\n          \"line\": 1,"), run.out());
  }

  @Test
  void nothingRecognisableExitsThree() {
    CliRun run = CliRun.withStdin("hello\n".getBytes(StandardCharsets.UTF_8), "diagnose");
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: <stdin>: nothing recognisable (expected output of mdatp health, kextutil,"
        + " systemextensionsctl list or profiles)\n", run.err());
  }
}
