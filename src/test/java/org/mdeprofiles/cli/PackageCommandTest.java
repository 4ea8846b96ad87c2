package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.TestProfiles;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue;

class PackageCommandTest {
  @TempDir Path dir;
  private Path good;
  private Path bad;

  @BeforeEach
  void fixtures() throws Exception {
    good = dir.resolve("My Kext!.mobileconfig");
    Files.writeString(good, TestProfiles.defaultKext());
    bad = dir.resolve("bad.mobileconfig");
    Files.writeString(bad, TestProfiles.defaultKext().replace("<key>AllowUserOverrides</key>\n\t\t\t<false/>",
        "<key>AllowUserOverrides</key>\n\t\t\t<integer>0</integer>"));
  }

  private Path out() {
    return dir.resolve("out");
  }

  @Test
  void packagesAForeignProfileForJamfAndIntune() {
    CliRun run = CliRun.of("package", "--out", out().toString(), good.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(String.join("\n",
        out().resolve("jamf/My-Kext-.mobileconfig").toString(),
        out().resolve("jamf/My-Kext-.classic.xml").toString(),
        out().resolve("jamf/UPLOAD.md").toString(),
        out().resolve("intune/My-Kext-.mobileconfig").toString(),
        out().resolve("intune/My-Kext-.graph.json").toString(),
        out().resolve("intune/UPLOAD.md").toString()) + "\n", run.out());
  }

  @Test
  void refusesInvalidProfilesUnlessAllowed() {
    CliRun run = CliRun.of("package", "--out", out().toString(), good.toString(), bad.toString());
    assertEquals(1, run.exit());
    assertEquals(bad + ": PayloadContent[0].AllowUserOverrides: error: expected boolean, found integer [key.type]\n"
        + "mde-profiles: refusing to package invalid profiles (use --allow-invalid to package them anyway);"
        + " nothing was written\n", run.err());
    assertFalse(Files.exists(out()));
    CliRun allowed = CliRun.of("package", "--allow-invalid", "--out", out().toString(), bad.toString());
    assertEquals(0, allowed.exit(), allowed.err());
    assertTrue(Files.exists(out().resolve("jamf/bad.mobileconfig")));
  }

  @Test
  void userChannelIsRefusedForDeviceOnlyPayloads() {
    CliRun run = CliRun.of("package", "--intune-channel", "userChannel", "--mdm", "intune",
        "--out", out().toString(), good.toString());
    assertEquals(1, run.exit());
    assertEquals("intune/My-Kext-.mobileconfig: error: the profile holds"
        + " com.apple.syspolicy.kernel-extension-policy, which installs on the device channel only; it cannot"
        + " use the userChannel [intune.user-channel]\nmde-profiles: packaged profiles did not validate; nothing"
        + " was written\n", run.err());
  }

  @Test
  void intuneSizeLimitIsChecked() throws Exception {
    Path huge = dir.resolve("huge.mobileconfig");
    Files.writeString(huge, TestProfiles.defaultKext().replace("<string>Approved Kernel Extensions</string>",
        "<string>" + "x".repeat(1_000_000) + "</string>"));
    CliRun run = CliRun.of("package", "--mdm", "intune", "--out", out().toString(), huge.toString());
    assertEquals(1, run.exit());
    assertEquals("intune/huge.mobileconfig: error: the file is " + Files.size(huge) + " bytes; Intune takes custom"
        + " profiles under 1,000,000 bytes [intune.too-large]\nmde-profiles: packaged profiles did not validate;"
        + " nothing was written\n", run.err());
  }

  @Test
  void jamfFieldsAreCheckedAndWritten() throws Exception {
    CliRun bad = CliRun.of("package", "--jamf-distribution", "Push", "--out", out().toString(), good.toString());
    assertEquals(2, bad.exit());
    assertEquals("mde-profiles package: --jamf-distribution: 'Push' is not one of: Install Automatically,"
        + " Make Available in Self Service (see mde-profiles help package)\n", bad.err());
    CliRun run = CliRun.of("package", "--mdm", "jamf", "--jamf-category", "Security & Compliance",
        "--jamf-redeploy", "All", "--jamf-group", "Macs", "--jamf-group", "Lab <2>",
        "--out", out().toString(), good.toString());
    assertEquals(0, run.exit(), run.err());
    String xml = Files.readString(out().resolve("jamf/My-Kext-.classic.xml"));
    assertTrue(xml.contains("\t\t<category>\n\t\t\t<name>Security &amp; Compliance</name>\n\t\t</category>\n"), xml);
    assertTrue(xml.contains("<redeploy_on_update>All</redeploy_on_update>"));
    assertTrue(xml.contains("<computer_group>\n\t\t\t\t<name>Lab &lt;2&gt;</name>\n\t\t\t</computer_group>"), xml);
  }

  @Test
  void severalTccProfilesAreWarnedForJamf() throws Exception {
    CliRun gen = CliRun.of("generate", "--mdm", "plain", "--profiles", "fulldisk,accessibility,bluetooth",
        "--out", dir.resolve("gen").toString());
    assertEquals(0, gen.exit(), gen.err());
    CliRun run = CliRun.of("package", "--mdm", "jamf", "--out", out().toString(),
        dir.resolve("gen/plain/fulldisk.mobileconfig").toString(),
        dir.resolve("gen/plain/bluetooth.mobileconfig").toString(),
        dir.resolve("gen/plain/accessibility.mobileconfig").toString());
    assertEquals(0, run.exit(), run.err());
    // Bluetooth goes signed, so it is not counted; it gets no Classic API body.
    assertEquals(dir.resolve("gen/plain/") + "/" + GenerateCommandTest.deprecatedInFleet("bluetooth.mobileconfig",
        "BluetoothAlways") + dir.resolve("gen/plain/") + "/"
        + GenerateCommandTest.deprecatedInFleet("accessibility.mobileconfig", "Accessibility")
        + GenerateCommandTest.BLUETOOTH_TO_SIGN + "jamf/accessibility.mobileconfig: warning: more than one"
        + " profile of the bundle holds a Privacy Preferences (TCC) payload; Jamf Pro mishandles several: merge all"
        + " grants into one profile [jamf.several-tcc]\n", run.err());
    assertFalse(Files.exists(out().resolve("jamf/bluetooth.classic.xml")));
    assertTrue(Files.exists(out().resolve("jamf/fulldisk.classic.xml")));
  }

  @Test
  void unreadableInputIsBadInput() {
    CliRun run = CliRun.of("package", "--out", out().toString(), dir.resolve("missing.mobileconfig").toString());
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: " + dir.resolve("missing.mobileconfig") + ": no such file\n", run.err());
  }

  @Test
  void anOnboardingFileIsPackagedAsOnboardingAndKeptSecret() throws Exception {
    String secret = "PACKAGED-ONBOARDING-SECRET-91b2";
    Path onboarding = dir.resolve("WindowsDefenderATPOnboarding.xml");
    Files.writeString(onboarding, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
        + "<key>PayloadType</key><string>Configuration</string><key>PayloadContent</key><array><dict>"
        + "<key>PayloadType</key><string>com.microsoft.wdav.atp</string>"
        + "<key>OnboardingInfo</key><string>{\"body\":\"" + secret + "\"}</string></dict></array></dict></plist>\n");
    CliRun run = CliRun.of("package", "--out", out().toString(), good.toString(), onboarding.toString());
    assertEquals(0, run.exit(), run.err());
    assertFalse(run.out().contains(secret) || run.err().contains(secret));
    assertEquals("", run.err());
    String guide = Files.readString(out().resolve("jamf/UPLOAD.md"));
    assertTrue(guide.contains("Preference Domain `com.microsoft.wdav.atp`, upload `com.microsoft.wdav.atp.plist`"),
        guide);
    assertFalse(guide.contains("still to be added"), guide);
    assertFalse(Files.exists(out().resolve("jamf/WindowsDefenderATPOnboarding.mobileconfig")));
    // The Jamf plist holds the payload's preference keys, values exactly as in the file.
    PlistValue.PlistDict prefs = (PlistValue.PlistDict) PlistReader.read(
        Files.readAllBytes(out().resolve("jamf/com.microsoft.wdav.atp.plist"))).root().orElseThrow();
    assertEquals(PlistValue.PlistDict.of("OnboardingInfo", new PlistValue.PlistString("{\"body\":\"" + secret + "\"}")),
        prefs);
    assertEquals(Files.readString(onboarding), Files.readString(out().resolve("intune/WindowsDefenderATPOnboarding.xml")));
    assertTrue(Files.readString(out().resolve("intune/UPLOAD.md")).contains("`WindowsDefenderATPOnboarding.xml`"));

    CliRun two = CliRun.of("package", "--out", dir.resolve("two").toString(), onboarding.toString(),
        onboarding.toString());
    assertEquals(2, two.exit());
  }
}
