package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.XMLPropertyListParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.TestProfiles;

/**
 * Input written to attack the tool: each case gets its documented exit code, one escaped line per
 * problem, and no crash, hang or forged output.
 */
class HostileInputTest {
  @TempDir Path dir;

  /**
   * The default kext profile, as a binary plist (which, unlike XML, can carry any character),
   * with one more key in its payload.
   */
  private Path kextWithKey(String name, String key) throws Exception {
    NSDictionary root = (NSDictionary) XMLPropertyListParser.parse(
        TestProfiles.defaultKext().getBytes(StandardCharsets.UTF_8));
    ((NSDictionary) ((NSArray) root.get("PayloadContent")).objectAtIndex(0)).put(key, true);
    Path file = dir.resolve(name);
    Files.write(file, BinaryPropertyListWriter.writeToArray(root));
    return file;
  }

  @Test
  void terminalEscapesAndNewlinesInKeysArePrintedEscaped() throws Exception {
    Path file = kextWithKey("k.mobileconfig", "x\u001b]0;pwned\u0007\n1 file checked: 0 failed");
    CliRun run = CliRun.of("validate", file.toString());
    assertEquals(0, run.exit(), run.out());
    assertEquals(file + ": PayloadContent[0].x\\x1b]0;pwned\\x07\\n1 file checked: 0 failed: warning: unknown key"
        + " x\\x1b]0;pwned\\x07\\n1 file checked: 0 failed for com.apple.syspolicy.kernel-extension-policy"
        + " [key.unknown]\n"
        + "1 file checked: 0 failed, 0 errors, 1 warning\n", run.out());
    assertFalse(run.out().contains("\u001b") || run.out().contains("\u0007"));
  }

  @Test
  void bidiOverridesInAFileNameArePrintedEscaped() throws Exception {
    Path file = kextWithKey("evil\u202egifnoc.mobileconfig", "Other");
    CliRun run = CliRun.of("validate", "--quiet", file.toString());
    assertTrue(run.out().startsWith(dir + "/evil\\u202egifnoc.mobileconfig: PayloadContent[0].Other: warning:"),
        run.out());
  }

  @Test
  void junitStaysWellFormedForKeysXmlCannotCarry() throws Exception {
    Path file = kextWithKey("k.mobileconfig", "a\uFFFEb\uFFFF");
    CliRun run = CliRun.of("validate", "--format", "junit", "--strict", file.toString());
    assertEquals(1, run.exit());
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
    assertTrue(run.out().contains("PayloadContent[0].a\\ufffeb\\uffff"), run.out());
  }

  @Test
  @Timeout(60)
  void aTwoThousandLabelBundleIdIsAFindingAndTheOtherFilesAreReported() throws Exception {
    Files.writeString(dir.resolve("good.mobileconfig"), TestProfiles.defaultKext());
    String huge = "a" + ".b".repeat(2_000);
    Files.writeString(dir.resolve("huge.mobileconfig"), TestProfiles.defaultKext()
        .replace("<string>com.microsoft.wdavkext</string>", "<string>" + huge + "</string>"));
    CliRun run = CliRun.of("validate", "--quiet", dir.toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    assertEquals(dir.resolve("huge.mobileconfig") + ": PayloadContent[0].AllowedKernelExtensions.UBF8T346G9[0]:"
        + " error: '" + huge.substring(0, 100) + "... (4001 characters)' is not a valid bundle-id [key.format]\n",
        run.out());
    assertEquals("", run.err());

    CliRun prefix = CliRun.of("generate", "--prefix", huge, "--out", dir.resolve("out").toString());
    assertEquals(2, prefix.exit(), prefix.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aPrefixOfHyphensIsNotReverseDns() {
    CliRun run = CliRun.of("generate", "--prefix", "-.-", "--out", dir.resolve("out").toString());
    assertEquals(2, run.exit());
    assertEquals("mde-profiles generate: --prefix: '-.-' is not a reverse-DNS prefix (such as com.contoso.mde)"
        + " (see mde-profiles help generate)\n", run.err());
  }

  @Test
  void sevenHundredThousandEntityReferencesGiveOneFinding() throws Exception {
    Path file = dir.resolve("entities.mobileconfig");
    Files.writeString(file, "<plist><array>" + "<string>&e;</string>".repeat(700_000) + "</array></plist>");
    CliRun run = CliRun.of("validate", "--quiet", file.toString());
    assertEquals(1, run.exit());
    assertEquals(file + ": [0]: error: the document declares or uses XML entities; they are never expanded or read,"
        + " and the profile is not checked further [plist.entity-declared]\n", run.out());
  }

  @Test
  @Timeout(30)
  void aFifoIsRefusedNotWaitedOn() throws Exception {
    Path fifo = dir.resolve("fifo.mobileconfig");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "skipped: mkfifo is not available");
    for (String[] args : List.of(new String[] {"validate", fifo.toString()},
        new String[] {"generate", "--onboarding", fifo.toString(), "--out", dir.resolve("o").toString()},
        new String[] {"diagnose", fifo.toString()})) {
      CliRun run = CliRun.of(args);
      assertEquals(3, run.exit(), args[0]);
      assertEquals("mde-profiles: " + fifo + ": is not a regular file (a pipe, device or socket); give a file, or"
          + " - for standard input\n", run.err(), args[0]);
    }
  }

  @Test
  void packageReportsAFindingThatLeavesNoProfileAndRefuses() throws Exception {
    Path file = dir.resolve("wide.mobileconfig");
    Files.writeString(file, TestProfiles.defaultKext().replace("<integer>1</integer>",
        "<integer>18446744073709551617</integer>"));
    CliRun run = CliRun.of("package", "--allow-invalid", "--out", dir.resolve("out").toString(), file.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith(file + ": PayloadVersion: error: 18446744073709551617 is outside the 64-bit"
        + " integer range [plist.integer-range]\n"), run.err());
    assertTrue(run.err().endsWith("mde-profiles: refusing to package: a file above has no readable content, even"
        + " with --allow-invalid; nothing was written\n"), run.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void packageAllowInvalidSurvivesAMissingOrPathLikePayloadType() throws Exception {
    String payload = "<dict><key>PayloadVersion</key><integer>1</integer><key>PayloadIdentifier</key>"
        + "<string>a.b.c</string><key>PayloadUUID</key><string>8E9C7B3A-1111-4222-8333-944455550001</string>%s"
        + "<key>Foo</key><true/></dict>";
    String profile = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
        + "<key>PayloadType</key><string>Configuration</string><key>PayloadVersion</key><integer>1</integer>"
        + "<key>PayloadIdentifier</key><string>a.b</string><key>PayloadUUID</key>"
        + "<string>8E9C7B3A-1111-4222-8333-944455550000</string><key>PayloadDisplayName</key><string>x</string>"
        + "<key>PayloadContent</key><array>%s</array></dict></plist>\n";
    Path none = dir.resolve("none.mobileconfig");
    Files.writeString(none, String.format(profile, String.format(payload, "")));
    CliRun run = CliRun.of("package", "--allow-invalid", "--out", dir.resolve("a").toString(), none.toString());
    assertEquals(0, run.exit(), run.err());

    Path dots = dir.resolve("dots.mobileconfig");
    Files.writeString(dots, String.format(profile,
        String.format(payload, "<key>PayloadType</key><string>../../etc</string>")));
    run = CliRun.of("package", "--allow-invalid", "--out", dir.resolve("b").toString(), dots.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().endsWith("jamf/dots.mobileconfig: PayloadContent[0].PayloadType: error: this preference"
        + " domain is not a reverse-DNS name (letters, digits, hyphens, single dots), so it cannot name its"
        + " settings file for Jamf Pro [jamf.domain-name]\n"
        + "mde-profiles: packaged profiles did not validate; nothing was written\n"), run.err());
    assertFalse(Files.exists(dir.resolve("b")));
  }
}
