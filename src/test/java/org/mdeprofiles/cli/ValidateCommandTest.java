package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.TestProfiles;

class ValidateCommandTest {
  @TempDir Path dir;
  private Path good;
  private Path bad;

  @BeforeEach
  void fixtures() throws Exception {
    good = dir.resolve("good.mobileconfig");
    Files.writeString(good, TestProfiles.defaultKext());
    bad = dir.resolve("sub/bad.mobileconfig");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, TestProfiles.defaultKext()
        .replace("<key>AllowUserOverrides</key>\n\t\t\t<false/>", "<key>AllowUserOverrides</key>\n\t\t\t<integer>0</integer>")
        .replace("<key>PayloadDisplayName</key>", "<key>PayloadDisplayname</key>"));
  }

  @Test
  void cleanProfileExitsZeroAndSaysSo() {
    CliRun run = CliRun.of("validate", good.toString());
    assertEquals(0, run.exit());
    assertEquals(good + ": ok\n1 file checked: 0 failed, 0 errors, 0 warnings\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void findingsExitOneWithPaths() {
    CliRun run = CliRun.of("validate", bad.toString());
    assertEquals(1, run.exit());
    assertEquals(bad + ": PayloadDisplayname: error: unknown key PayloadDisplayname for the profile;"
        + " did you mean 'PayloadDisplayName'? [key.misspelled]\n"
        + bad + ": PayloadContent[0].PayloadDisplayname: error: unknown key PayloadDisplayname for"
        + " com.apple.syspolicy.kernel-extension-policy; did you mean 'PayloadDisplayName'? [key.misspelled]\n"
        + bad + ": PayloadContent[0].AllowUserOverrides: error: expected boolean, found integer [key.type]\n"
        + "1 file checked: 1 failed, 3 errors, 0 warnings\n", run.out());
  }

  @Test
  void folderIsWalkedInOrderAndQuietPrintsOnlyProblems() {
    CliRun run = CliRun.of("validate", "--quiet", dir.toString());
    assertEquals(1, run.exit());
    assertEquals(3, run.out().lines().count(), run.out());
    assertFalse(run.out().contains("good.mobileconfig"));
  }

  @Test
  void strictTurnsWarningsIntoErrors() throws Exception {
    Files.writeString(good, TestProfiles.defaultKext().replace("<key>PayloadDisplayName</key>\n\t<string>",
        "<key>Extra</key>\n\t<true/>\n\t<key>PayloadDisplayName</key>\n\t<string>"));
    assertEquals(0, CliRun.of("validate", good.toString()).exit());
    CliRun strict = CliRun.of("validate", "--strict", good.toString());
    assertEquals(1, strict.exit());
    assertEquals(good + ": Extra: error: unknown key Extra for the profile [key.unknown]\n"
        + "1 file checked: 1 failed, 1 error, 0 warnings\n", strict.out());
  }

  @Test
  void jsonReportHasPointers() {
    CliRun run = CliRun.of("validate", "--format", "json", bad.toString());
    assertEquals(1, run.exit());
    String json = run.out();
    assertEquals(true, json.contains("\"pointer\": \"/PayloadContent/0/AllowUserOverrides\""), json);
    assertEquals(true, json.contains("\"path\": \"PayloadContent[0].AllowUserOverrides\""), json);
    assertEquals(true, json.contains("\"valid\": false"), json);
    assertEquals(true, json.startsWith("{\n  \"files\": [\n    {\n      \"file\": \""), json);
  }

  @Test
  void standardInput() {
    CliRun run = CliRun.withStdin(TestProfiles.defaultKext().getBytes(StandardCharsets.UTF_8), "validate", "-");
    assertEquals(0, run.exit());
    assertEquals("<stdin>: ok\n1 file checked: 0 failed, 0 errors, 0 warnings\n", run.out());
  }

  @Test
  void unreadableInputsExitThreeWithOneLineEach() throws Exception {
    Path empty = dir.resolve("empty.mobileconfig");
    Files.write(empty, new byte[0]);
    Path broken = dir.resolve("broken.mobileconfig");
    Files.writeString(broken, "<plist><dict>");
    Path missing = dir.resolve("missing.mobileconfig");
    CliRun run = CliRun.of("validate", empty.toString(), broken.toString(), missing.toString(), good.toString());
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: " + empty + ": file is empty\n"
        + "mde-profiles: " + broken + ": malformed XML at line 1: the document ends inside <dict>\n"
        + "mde-profiles: " + missing + ": no such file\n", run.err());
    assertEquals(good + ": ok\n4 files checked: 3 failed, 0 errors, 0 warnings\n", run.out());
  }

  @Test
  void hugeFileIsRefusedUnread() throws Exception {
    Path huge = dir.resolve("huge.mobileconfig");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(100L * 1024 * 1024);
    }
    CliRun run = CliRun.of("validate", huge.toString());
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: " + huge + ": larger than the limit of 16 MiB\n", run.err());
  }

  @Test
  void externalEntityContentNeverAppears() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    Path xxe = dir.resolve("xxe.mobileconfig");
    Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE plist [<!ENTITY x SYSTEM \"" + secret.toUri()
        + "\">]>\n<plist><dict><key>PayloadIdentifier</key><string>&x;</string></dict></plist>");
    for (String format : new String[] {"text", "json"}) {
      CliRun run = CliRun.of("validate", "--format", format, xxe.toString());
      assertEquals(1, run.exit());
      assertFalse(run.out().contains("TOP-SECRET") || run.err().contains("TOP-SECRET"));
    }
    assertEquals(xxe + ": error: the document declares or uses XML entities; they are never expanded or read,"
        + " and the profile is not checked further [plist.entity-declared]\n"
        + "1 file checked: 1 failed, 1 error, 0 warnings\n", CliRun.of("validate", xxe.toString()).out());
  }

  @Test
  void byteOrderMarkIsAnErrorFinding() throws Exception {
    byte[] body = TestProfiles.defaultKext().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Path bom = dir.resolve("bom.mobileconfig");
    Files.write(bom, bytes);
    CliRun run = CliRun.of("validate", bom.toString());
    assertEquals(1, run.exit());
    assertEquals(bom + ": error: the file starts with a UTF-8 byte-order mark; macOS reads it, but Intune"
        + " rejects it [plist.bom]\n1 file checked: 1 failed, 1 error, 0 warnings\n", run.out());
  }

  @Test
  void usageErrors() {
    assertEquals(2, CliRun.of("validate").exit());
    assertEquals(2, CliRun.of("validate", "--format", "xml", good.toString()).exit());
    assertEquals(2, CliRun.of("validate", "--macos", "x", good.toString()).exit());
  }

  @Test
  void folderTakesProfilesAndLinksToProfilesOnly() throws Exception {
    Path folder = dir.resolve("linked");
    Files.createDirectories(folder.resolve("sub.mobileconfig"));
    Files.copy(good, folder.resolve("b.mobileconfig"));
    Files.createSymbolicLink(folder.resolve("a.mobileconfig"), good);
    Files.createSymbolicLink(folder.resolve("dangling.mobileconfig"), dir.resolve("nowhere"));
    Files.writeString(folder.resolve("notes.txt"), "not a profile");
    Files.writeString(folder.resolve("x.classic.xml"), "<general/>");
    CliRun run = CliRun.of("validate", folder.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(folder.resolve("a.mobileconfig") + ": ok\n" + folder.resolve("b.mobileconfig") + ": ok\n"
        + "2 files checked: 0 failed, 0 errors, 0 warnings\n", run.out());
  }

  @Test
  void emptyFolderIsBadInput() throws Exception {
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    CliRun run = CliRun.of("validate", empty.toString());
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: " + empty + ": no .mobileconfig, .plist or .xml file in this folder\n", run.err());
  }

  @Test
  void aWholeGeneratedBundleValidates() throws Exception {
    Path out = dir.resolve("bundle");
    assertEquals(0, CliRun.of("generate", "--out", out.toString()).exit());
    CliRun quiet = CliRun.of("validate", "--quiet", out.toString());
    assertEquals(0, quiet.exit(), quiet.out());
    assertEquals("", quiet.out());
    CliRun run = CliRun.of("validate", out.toString());
    // Jamf's preference lists are named by their domain, so they are checked against its spec.
    assertEquals(List.of(out.resolve("jamf/com.microsoft.autoupdate2.plist") + ": info: a bare preference list of"
        + " com.microsoft.autoupdate2 (named by the file), checked against that domain's settings"
        + " [profile.domain-preferences]", out.resolve("jamf/com.microsoft.wdav.plist") + ": info: a bare preference"
        + " list of com.microsoft.wdav (named by the file), checked against that domain's settings"
        + " [profile.domain-preferences]"), run.out().lines().filter(l -> l.contains("[profile.")).toList());
    long checked = org.mdeprofiles.TestCatalog.goldenFiles().stream()
        .filter(f -> f.endsWith(".mobileconfig") || f.endsWith(".plist")).count(); // Classic bodies are not profiles
    assertTrue(run.out().endsWith("\n" + checked + " files checked: 0 failed, 0 errors, 0 warnings\n"), run.out());
  }

  @Test
  void anOnboardingFilesProblemsAreCountedNeverQuoted() throws Exception {
    Path file = dir.resolve("WindowsDefenderATPOnboarding.xml");
    Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
        + "<key>PayloadType</key><string>Configuration</string><key>PayloadVersion</key><integer>1</integer>"
        + "<key>PayloadIdentifier</key><string>a.b</string><key>PayloadUUID</key><string>TENANT-PART-9f3</string>"
        + "<key>PayloadDisplayName</key><string>x</string><key>PayloadContent</key><array><dict>"
        + "<key>PayloadType</key><string>com.microsoft.wdav.atp</string><key>PayloadVersion</key><integer>1</integer>"
        + "<key>PayloadIdentifier</key><string>a.b.c</string><key>PayloadUUID</key>"
        + "<string>8E9C7B3A-1111-4222-8333-944455550001</string><key>OnboardingInfo</key><string>{}</string>"
        + "<key>TenantNamedKey</key><true/></dict></array></dict></plist>\n");
    CliRun run = CliRun.of("validate", file.toString());
    assertEquals(1, run.exit());
    assertEquals(file + ": error: the onboarding file (a secret) has a problem of kind key.format; where and what"
        + " is not shown [onboarding.redacted]\n"
        + file + ": warning: the onboarding file (a secret) has a problem of kind key.unknown; where and what is"
        + " not shown [onboarding.redacted]\n"
        + "1 file checked: 1 failed, 1 error, 1 warning\n", run.out());
  }
}
