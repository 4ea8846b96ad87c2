package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {
  @TempDir Path dir;

  @Test
  void theTwoLineTicketGivesBothReadingsTheCurrentOneFirst() throws Exception {
    Path health = dir.resolve("health.txt");
    Files.writeString(health, "real_time_protection_enabled : false\nreal_time_protection_available : true\n");
    CliRun run = CliRun.of("diagnose", health.toString());
    assertEquals(1, run.exit());
    assertEquals("problem: real-time protection is off (the input does not show whether this Mac uses system"
        + " extensions) [rtp-off]\n"
        + "  seen:    " + health + ":1: real_time_protection_enabled : false\n"
        + "           " + health + ":2: real_time_protection_available : true\n"
        + "  meaning: most likely, as on every Mac with current Defender (system extensions): real-time protection"
        + " is turned off by a setting (antivirusEngine.enforcementLevel) or by a tamper-protection policy; files"
        + " are not scanned as they are opened. Less likely, on a Mac that runs the old kernel extension (macOS"
        + " 10.15 and older): the kernel extension (com.microsoft.wdavkext) is not approved, and the kext profile"
        + " fixes it. Paste mdatp health whole (app_version, real_time_protection_subsystem) or sw_vers to tell"
        + " which.\n"
        + "  fix:     deploy the settings profile: mde-profiles generate --profiles settings --out"
        + " mde-profiles-fix\n"
        + "  manual:  on one Mac: mdatp config real-time-protection --value enabled (refused when tamper"
        + " protection blocks it: change the policy instead)\n\n1 problem found\n", run.out());
  }

  @Test
  void aKextTicketWithItsMacosVersionGivesTheKextFix() throws Exception {
    Path health = dir.resolve("health.txt");
    Files.writeString(health, "real_time_protection_enabled : false\nreal_time_protection_available : true\n");
    Path config = Files.writeString(dir.resolve("my config.yaml"), "organization: Contoso\n");
    for (String[] args : List.of(new String[] {"diagnose", "--macos", "10.14", health.toString()},
        new String[] {"diagnose", "--config", config.toString(), "--macos", "10.14", health.toString()})) {
      CliRun run = CliRun.of(args);
      assertEquals(1, run.exit());
      assertTrue(run.out().startsWith("problem: the Defender kernel extension (com.microsoft.wdavkext) is not"
          + " approved [kext-not-approved]\n"), run.out());
      assertTrue(run.out().contains(args.length == 4
          ? "  fix:     deploy the kext profile: mde-profiles generate --profiles kext --out mde-profiles-fix\n"
          : "  fix:     deploy the kext profile: mde-profiles generate --profiles kext --config '" + config + "'"
              + " --out mde-profiles-fix\n"), run.out());
    }
  }

  @Test
  void jsonIsJsonAlsoWhenNothingIsRecognised() {
    CliRun run = CliRun.withStdin("hello\n".getBytes(StandardCharsets.UTF_8), "diagnose", "--format", "json");
    assertEquals(3, run.exit());
    assertEquals("{\n  \"healthy\": null,\n  \"recognised\": false,\n  \"conclusions\": [],\n"
        + "  \"notInterpreted\": [],\n  \"paste\": \"the output of mdatp health (or mdatp health --output json),"
        + " mdatp connectivity test, systemextensionsctl list, kextutil, sudo profiles show -type configuration,"
        + " sw_vers, or sudo plutil -p of /Library/Application Support/com.apple.TCC/MDMOverrides.plist\"\n}\n",
        run.out());
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
    assertTrue(run.out().startsWith("{\n  \"healthy\": false,\n  \"recognised\": true,\n  \"conclusions\": [\n    {\n"
        + "      \"code\": \"not-onboarded\",\n"), run.out());
    assertTrue(run.out().contains("\"source\": \"<stdin>\",\n          \"line\": 1,"), run.out());
  }

  @Test
  void nothingRecognisableExitsThree() {
    CliRun run = CliRun.withStdin("hello\n".getBytes(StandardCharsets.UTF_8), "diagnose");
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: <stdin>: nothing recognisable (expected output of mdatp health (or mdatp"
        + " health --output json), mdatp connectivity test, systemextensionsctl list, kextutil, sudo profiles show"
        + " -type configuration, sw_vers, or sudo plutil -p of /Library/Application Support/com.apple.TCC/"
        + "MDMOverrides.plist)\n", run.err());
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
    String nothing = "mde-profiles: <stdin>: nothing recognisable (expected output of mdatp health (or mdatp"
        + " health --output json), mdatp connectivity test, systemextensionsctl list, kextutil, sudo profiles show"
        + " -type configuration, sw_vers, or sudo plutil -p of /Library/Application Support/com.apple.TCC/"
        + "MDMOverrides.plist)\n";
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
    // Nor plutil -p output, nor a property list: deep nesting and unclosed blocks are no grant list
    // and no profile list, and nothing else is made of their lines.
    assertEquals(3, diagnose("{\n" + "  \"k\" => {\n".repeat(50_000)).exit());
    assertEquals(3, diagnose("<plist version=\"1.0\">\n" + "<array>\n".repeat(9_000) + "</array>\n".repeat(9_000)
        + "</plist>\n").exit());
    assertEquals(3, diagnose(("<?xml version=\"1.0\"?>\n<plist>\n<dict>\n" + "<key>k</key>\n".repeat(500))
        .repeat(200)).exit());
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

  @Test
  void aBundleSaysWhichOfItsProfilesTheMacLacks() throws Exception {
    Path bundle = dir.resolve("bundle");
    assertEquals(0, CliRun.of("generate", "--mdm", "jamf", "--out", bundle.toString()).exit());
    // Jamf replaced sysext's top-level identifier on upload; its payload's identifier survives.
    Path input = dir.resolve("mac.txt");
    java.nio.file.Files.writeString(input, "healthy : true\napp_version : \"101.25032.0008\"\n"
        + "There are 2 configuration profiles installed\n"
        + "_computerlevel[1] attribute: profileIdentifier: 5C2D9A10-0000-4000-8000-000000000001\n"
        + "_computerlevel[1] \tpayload[1] identifier\t= com.microsoft.wdav.sysext.system-extension-policy\n"
        + "_computerlevel[2] attribute: profileIdentifier: com.microsoft.wdav.netfilter\n");
    CliRun run = CliRun.of("diagnose", "--bundle", bundle.toString(), "--mdm", "jamf", input.toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    // The legacy kext profile is not asked of a Mac that runs system extensions.
    // Every Jamf profile of the bundle but the two installed ones and kext, in the bundle's order.
    List<String> missing = org.mdeprofiles.TestCatalog.goldenProfiles("jamf").stream()
        .filter(n -> !List.of("sysext", "netfilter", "kext").contains(n))
        .map(n -> "problem: the bundle's " + n + " profile is not installed [bundle-profile-missing]").toList();
    assertTrue(missing.containsAll(List.of(
        "problem: the bundle's privacy profile is not installed [bundle-profile-missing]",
        "problem: the bundle's com.microsoft.wdav.custom-settings profile is not installed [bundle-profile-missing]")),
        missing.toString());
    assertEquals(missing,
        run.out().lines().filter(l -> l.startsWith("problem: ")).toList());
    Path health = dir.resolve("health.txt");
    java.nio.file.Files.writeString(health, "healthy : true\n");
    CliRun noProfiles = CliRun.of("diagnose", "--bundle", bundle.toString(), "--mdm", "jamf", health.toString());
    assertEquals(0, noProfiles.exit(), noProfiles.out());
    assertTrue(noProfiles.out().contains("note: the bundle's profiles cannot be compared [bundle-not-compared]"),
        noProfiles.out());
    assertEquals(2, CliRun.of("diagnose", "--mdm", "jamf", health.toString()).exit());
  }

  @Test
  void aPersonAtATerminalIsToldWhatToPasteAndHowToEnd() throws Exception {
    for (boolean terminal : new boolean[] {true, false}) {
      DiagnoseCommand command = new DiagnoseCommand(
          new java.io.ByteArrayInputStream("healthy : true\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          terminal);
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      int exit = command.run(new org.apache.commons.cli.DefaultParser().parse(command.options(), new String[0]),
          new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true));
      assertEquals(0, exit);
      assertEquals(terminal ? DiagnoseCommand.PROMPT + "\n" : "", err.toString());
    }
  }

  @Test
  void theConfigsOnboardingFileSaysWhichTenantButIsNeverShown() throws Exception {
    String secretOrg = "5ec7e7a1-0000-4000-8000-c0ffee000001";
    Files.writeString(dir.resolve("onboarding.plist"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<plist version=\"1.0\">\n<dict>\n<key>OnboardingInfo</key>\n<string>"
        + "{\"body\":\"{\\\"previousOrgIds\\\":[],\\\"orgId\\\":\\\"" + secretOrg + "\\\"}\",\"sig\":\"c2ln\"}"
        + "</string>\n</dict>\n</plist>\n");
    Path config = Files.writeString(dir.resolve("config.yaml"), "onboarding: onboarding.plist\n");
    Path health = Files.writeString(dir.resolve("health.txt"), "healthy : true\nlicensed : true\n"
        + "org_id : \"0ther000-0000-4000-8000-000000000002\"\n");
    for (String format : List.of("text", "json")) {
      CliRun run = CliRun.of("diagnose", "--format", format, "--config", config.toString(), health.toString());
      assertEquals(1, run.exit(), run.err());
      assertTrue(run.out().contains("other-tenant"), run.out());
      assertTrue(!run.out().contains(secretOrg) && !run.err().contains(secretOrg), run.out());
    }
  }

  @Test
  void oneMacsTicketWithEveryOutputPastedIsAnsweredInTextAndJson() {
    // mdatp health (padded, [managed]), systemextensionsctl, profiles show, connectivity test and
    // MDMOverrides.plist from one Mac, checked against the config its bundle was made from.
    String ticket = "src/test/resources/org/mdeprofiles/cli/diagnose/one-mac-ticket.txt";
    String config = "src/test/resources/org/mdeprofiles/cli/diagnose/one-mac-config.yaml";
    CliRun text = CliRun.of("diagnose", "--config", config, ticket);
    assertEquals(1, text.exit(), text.err());
    org.mdeprofiles.TestCatalog.assertGolden("org/mdeprofiles/cli/diagnose/one-mac.txt", text.out());
    CliRun json = CliRun.of("diagnose", "--format", "json", "--config", config, ticket);
    assertEquals(1, json.exit(), json.err());
    org.mdeprofiles.TestCatalog.assertGolden("org/mdeprofiles/cli/diagnose/one-mac.json", json.out());
  }
}
