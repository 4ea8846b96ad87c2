package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

  private static CliRun diagnose(String stdin) {
    return CliRun.withStdin(stdin.getBytes(StandardCharsets.UTF_8), "diagnose");
  }

  @Test
  void terminalEscapesInFieldsArePrintedEscaped() {
    CliRun run = diagnose("healthy : true\nx_field : \u001b]0;pwned\u0007\n");
    assertEquals(0, run.exit());
    assertEquals("not interpreted (shown as printed):\n  <stdin>:2: x_field : \\x1b]0;pwned\\x07\n\n"
        + "no problems found\n", run.out());
  }

  @Test
  @Timeout(60)
  void hostileTextIsBoundedAndNeverAMisreading() {
    String nothing = "mde-profiles: <stdin>: nothing recognisable (expected output of mdatp health, kextutil,"
        + " systemextensionsctl list or profiles)\n";
    // A line longer than any tool prints is not read: 200,000 spaces, 20,000 health issues.
    CliRun spaces = diagnose("healthy : false" + " ".repeat(200_000) + "x\n");
    assertEquals(3, spaces.exit());
    assertEquals(nothing, spaces.err());
    StringBuilder issues = new StringBuilder("health_issues : [");
    for (int i = 0; i < 20_000; i++) {
      issues.append(i == 0 ? "" : ", ").append("\"issue ").append(i).append('"');
    }
    assertEquals(3, diagnose(issues + "]\n").exit());
    // 100,000 lines of '{' are no JSON object: read in linear time.
    assertEquals(3, diagnose("{\n".repeat(100_000)).exit());
    // A long health issue no longer overflows the regex's stack.
    CliRun longIssue = diagnose("healthy : false\nhealth_issues : [\"" + "x".repeat(1_500) + "\"]\n");
    assertEquals(1, longIssue.exit(), longIssue.err());
    // A line repeated 2,500 times is one conclusion with ten lines of evidence.
    String rejected = "Kext rejected due to system policy: <OSKext [file:///Library/Extensions/wdavkext.kext/]>"
        + " { URL = \"file:///Library/Extensions/wdavkext.kext/\", ID = \"com.microsoft.wdavkext\" }\n";
    CliRun repeated = diagnose(rejected.repeat(2_500));
    assertEquals(1, repeated.exit());
    assertEquals(10, repeated.out().lines().filter(l -> l.contains("<stdin>:")).count(), repeated.out());
  }

  @Test
  void binaryInputIsBadInputNotAHealthyMac() {
    byte[] random = new byte[1_000_000];
    new java.util.Random(7).nextBytes(random);
    CliRun run = CliRun.withStdin(random, "diagnose");
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: <stdin>: is not text (it holds NUL bytes: binary data?)\n", run.err());
    CliRun latin1 = CliRun.withStdin("healthy : true\nlicensed : \u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
        "diagnose");
    assertEquals(3, latin1.exit());
    assertEquals("mde-profiles: <stdin>: is not UTF-8 text\n", latin1.err());
  }
}
