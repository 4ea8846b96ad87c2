package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue;

class GenerateCommandTest {
  /** What every default generate says first: Jamf needs the Bluetooth profile signed. */
  static final String BLUETOOTH_TO_SIGN = "jamf/bluetooth.mobileconfig: warning: an unsigned upload to Jamf Pro drops"
        + " PayloadContent[0].Services.BluetoothAlways: sign this profile, then upload it in the web interface"
        + " (a signature cannot pass the Classic API) [jamf.needs-signing]\n";

  /** What a fleet that reaches macOS 27 (the default newest) hears about a profile granting {@code service}. */
  static String deprecatedInFleet(String file, String service) {
    return file + ": PayloadContent[0].Services." + service + ": info: " + service + " is deprecated from macOS 27.0,"
        + " which the fleet reaches (its newest: 27.0); it still applies there; Apple names in its place the Privacy"
        + " key of the declarative configuration com.apple.configuration.app.settings [key.deprecated-in-fleet]\n";
  }

  static final String ACCESSIBILITY_USER_CONTROL = "accessibility.mobileconfig: warning: from macOS 27.0 (the fleet"
      + " reaches 27.0) the user is told of this grant and can turn it off in System Settings; say what Defender's"
      + " DLP does then with settings.dlp.accessibility (enforcement, notification), which Microsoft added for"
      + " macOS 27 [fleet.accessibility-user-control]\n";

  /** The macOS 27 notes of a default plain bundle, and of a default bundle for every target. */
  static final String PLAIN_MACOS_27 = ACCESSIBILITY_USER_CONTROL
      + deprecatedInFleet("accessibility.mobileconfig", "Accessibility")
      + deprecatedInFleet("bluetooth.mobileconfig", "BluetoothAlways");
  static final String ALL_MACOS_27 = PLAIN_MACOS_27 + deprecatedInFleet("privacy.mobileconfig", "Accessibility");

  static final String NO_ONBOARDING = "bundle: info: no onboarding file, so the bundle does not onboard Macs to"
      + " your tenant yet; download the onboarding package from the Microsoft Defender portal and add it"
      + " (--onboarding FILE, or onboarding: in the config) [bundle.no-onboarding]\n";

  @TempDir Path dir;

  private Path out() {
    return dir.resolve("out");
  }

  private PlistValue.PlistDict readKext() throws Exception {
    byte[] bytes = Files.readAllBytes(out().resolve("plain/kext.mobileconfig"));
    return (PlistValue.PlistDict) PlistReader.read(bytes).root().orElseThrow();
  }

  private long fileCount(Path root) throws Exception {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void writesPlainProfileAndManifestAndListsThem() {
    CliRun run = CliRun.of("generate", "--mdm", "plain", "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    StringBuilder listed = new StringBuilder();
    for (String name : org.mdeprofiles.TestCatalog.defaultNames()) {
      listed.append(out().resolve("plain/" + name + ".mobileconfig")).append('\n');
    }
    assertEquals(listed.toString(), run.out());
    assertEquals(PLAIN_MACOS_27 + NO_ONBOARDING, run.err());
    assertTrue(Files.isRegularFile(out().resolve("manifest.json")));
  }

  @Test
  void twoRunsGiveIdenticalBytes() throws Exception {
    assertEquals(0, CliRun.of("generate", "--out", out().toString()).exit());
    byte[] first = Files.readAllBytes(out().resolve("plain/kext.mobileconfig"));
    byte[] manifest = Files.readAllBytes(out().resolve("manifest.json"));
    assertEquals(0, CliRun.of("generate", "--out", out().toString()).exit());
    assertArrayEquals(first, Files.readAllBytes(out().resolve("plain/kext.mobileconfig")));
    assertArrayEquals(manifest, Files.readAllBytes(out().resolve("manifest.json")));
  }

  @Test
  void hostileOrganisationAndNamesSurviveEscaping() throws Exception {
    String org = "R&D <Lab> \"quoted\" 'x' ]]> Zürich 東京 😀";
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "kext:\n  displayName: '" + org.replace("'", "''") + "'\n");
    CliRun run = CliRun.of("generate", "--config", config.toString(), "--org", org, "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    PlistValue.PlistDict root = readKext();
    assertEquals(org, root.string("PayloadOrganization"));
    assertEquals(org, root.string("PayloadDisplayName"));
    String xml = Files.readString(out().resolve("plain/kext.mobileconfig"), StandardCharsets.UTF_8);
    assertFalse(xml.contains("&#"), "no numeric character references");
    assertTrue(xml.contains("R&amp;D &lt;Lab&gt;"));
  }

  @Test
  void controlCharacterInOrganisationIsRefusedAndNothingWritten() throws Exception {
    CliRun run = CliRun.of("generate", "--org", "Bad\u0007Org", "--out", out().toString());
    assertEquals(2, run.exit());
    assertEquals("mde-profiles generate: --org: contains the character U+0007, which an XML property list"
        + " cannot carry (see mde-profiles help generate)\n", run.err());
    assertEquals(0, fileCount(out()));
  }

  @Test
  void productionChannelIsTakenAndWarned() throws Exception {
    Path config = dir.resolve("production.yaml");
    Files.writeString(config, "autoupdate:\n  channel: Production\n");
    CliRun run = CliRun.of("generate", "--config", config.toString(), "--profiles", "autoupdate", "--mdm", "plain",
        "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().startsWith("autoupdate.mobileconfig: PayloadContent[0].ChannelName: warning:"
        + " 'Production' is deprecated; use 'Current' instead [key.deprecated-value]\n"), run.err());
    assertTrue(Files.readString(out().resolve("plain/autoupdate.mobileconfig"))
        .contains("<key>ChannelName</key>\n\t\t\t<string>Production</string>"));
  }

  @Test
  void controlCharacterInConfigNamesTheFileAndKey() throws Exception {
    CliRun.assertConfigError(dir, "kext:\n  description: \"a\\x01b\"\n",
        "kext.description: contains the character U+0001, which an XML property list cannot carry");
  }

  @Test
  void badTeamAndBundleIdsInConfig() throws Exception {
    CliRun.assertConfigError(dir, "kext:\n  teamIdentifiers: [ubf8t346g9]\n",
        "kext.teamIdentifiers[0]: 'ubf8t346g9' is not a Team ID (10 characters, A-Z and 0-9)");
    CliRun.assertConfigError(dir, "kext:\n  kernelExtensions:\n    ABCDE12345: [driver]\n",
        "kext.kernelExtensions.ABCDE12345[0]: 'driver' is not a reverse-DNS bundle ID (such as com.example.driver)");
  }

  @Test
  void unknownConfigKeyMalformedAndMissingConfig() throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "organisation: Contoso\n");
    CliRun run = CliRun.of("generate", "--config", config.toString());
    assertEquals(3, run.exit());
    // The top-level settings, and a section for each profile of the catalog (settingsProfile for settings).
    java.util.TreeSet<String> known = new java.util.TreeSet<>(List.of("intune", "jamf", "macos", "mdm",
        "newestMacos", "onboarding", "organization", "prefix", "profiles", "removalDisallowed", "settings", "signing"));
    org.mdeprofiles.catalog.Catalog.names().forEach(n -> known.add(n.equals("settings") ? "settingsProfile" : n));
    assertTrue(known.containsAll(List.of("sysext", "kext", "combined", "settingsProfile")));
    assertEquals("mde-profiles: " + config + ": organisation: unknown setting (known: " + String.join(", ", known)
        + ")\n", run.err());

    Files.writeString(config, "organization: [unclosed\n");
    run = CliRun.of("generate", "--config", config.toString());
    assertEquals(3, run.exit());
    assertTrue(run.err().startsWith("mde-profiles: " + config + ": "), run.err());
    assertEquals(1, run.err().lines().count());

    Files.writeString(config, "organization: A\norganization: B\n");
    run = CliRun.of("generate", "--config", config.toString());
    assertEquals(3, run.exit());
    assertTrue(run.err().contains("duplicate key organization"), run.err());

    run = CliRun.of("generate", "--config", dir.resolve("none.yaml").toString());
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: " + dir.resolve("none.yaml") + ": no such file\n", run.err());
  }

  @Test
  void refusesToOverwriteAFileItDidNotWriteUnlessForced() throws Exception {
    Path foreign = out().resolve("plain/kext.mobileconfig");
    Files.createDirectories(foreign.getParent());
    Files.writeString(foreign, "mine");
    CliRun run = CliRun.of("generate", "--out", out().toString());
    assertEquals(3, run.exit());
    assertEquals(ALL_MACOS_27 + BLUETOOTH_TO_SIGN + NO_ONBOARDING + "mde-profiles: " + foreign
        + ": exists and was not written by mde-profiles"
        + " (use --force to overwrite)\n", run.err());
    assertEquals("mine", Files.readString(foreign));
    assertFalse(Files.exists(out().resolve("manifest.json")));
    try (Stream<Path> files = Files.list(foreign.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }

    assertEquals(0, CliRun.of("generate", "--out", out().toString(), "--force").exit());
    assertTrue(Files.readString(foreign).startsWith("<?xml"));
  }

  @Test
  void foreignManifestIsNotReplaced() throws Exception {
    Files.createDirectories(out());
    Files.writeString(out().resolve("manifest.json"), "{\"something\": \"else\"}");
    CliRun run = CliRun.of("generate", "--out", out().toString());
    assertEquals(3, run.exit());
    assertEquals(ALL_MACOS_27 + BLUETOOTH_TO_SIGN + NO_ONBOARDING + "mde-profiles: " + out().resolve("manifest.json")
        + ": exists but is not a"
        + " manifest written by mde-profiles (use --force to replace it)\n", run.err());
  }

  @Test
  void kextApprovalModes() throws Exception {
    assertEquals(0, CliRun.of("generate", "--kext-approval", "team", "--out", out().toString()).exit());
    PlistValue.PlistDict payload = (PlistValue.PlistDict)
        ((PlistValue.PlistArray) readKext().get("PayloadContent")).items().get(0);
    assertTrue(payload.entries().containsKey("AllowedTeamIdentifiers"));
    assertFalse(payload.entries().containsKey("AllowedKernelExtensions"));

    CliRun bad = CliRun.of("generate", "--kext-approval", "all", "--out", out().toString());
    assertEquals(2, bad.exit());
    assertEquals("mde-profiles generate: --kext-approval: kext approval must be team, bundle or both, not"
        + " 'all' (see mde-profiles help generate)\n", bad.err());
  }

  @Test
  void selectionErrors() {
    CliRun unknown = CliRun.of("generate", "--profiles", "kext,nope", "--out", out().toString());
    assertEquals(2, unknown.exit());
    assertEquals("mde-profiles generate: --profiles: unknown profile 'nope' (known: "
        + String.join(", ", org.mdeprofiles.catalog.Catalog.names()) + ") (see mde-profiles help generate)\n",
        unknown.err());
    assertTrue(unknown.err().contains("(known: sysext, netfilter, "), unknown.err());
    CliRun badMacos = CliRun.of("generate", "--macos", "eleven");
    assertEquals(2, badMacos.exit());
    assertEquals("mde-profiles generate: --macos: not a macOS version (expected e.g. 14 or 10.15): eleven"
        + " (see mde-profiles help generate)\n", badMacos.err());
  }

  @Test
  void brokenTemplateOverrideIsBadInput() throws Exception {
    Path templates = dir.resolve("templates");
    Files.createDirectories(templates.resolve("payloads"));
    Files.writeString(templates.resolve("payloads/com.apple.syspolicy.kernel-extension-policy.ftlx"), "<#if>\n");
    CliRun run = CliRun.of("generate", "--templates", templates.toString(), "--out", out().toString());
    assertEquals(3, run.exit());
    assertTrue(run.err().startsWith("mde-profiles: template payloads/com.apple.syspolicy.kernel-extension-policy.ftlx line 1: "),
        run.err());
    assertEquals(0, fileCount(out()));
  }

  @Test
  void aTemplateOverrideCannotRunAProgram() throws Exception {
    Path templates = dir.resolve("templates");
    Files.createDirectories(templates.resolve("payloads"));
    Path marker = dir.resolve("ran");
    for (String attack : List.of(
        "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}",
        "<#assign c=\"freemarker.template.utility.ObjectConstructor\"?new()>${c(\"java.io.File\", \"" + marker
            + "\").createNewFile()?c}")) {
      Files.writeString(templates.resolve("payloads/com.apple.syspolicy.kernel-extension-policy.ftlx"), attack + "\n");
      CliRun run = CliRun.of("generate", "--templates", templates.toString(), "--profiles", "kext",
          "--out", out().toString());
      assertEquals(3, run.exit(), run.err());
      assertTrue(run.err().startsWith("mde-profiles: template payloads/com.apple.syspolicy.kernel-extension-policy.ftlx line 1:"
          + " Instantiating freemarker.template.utility."), run.err());
      assertFalse(Files.exists(marker), "the template ran a program");
      assertEquals(0, fileCount(out()));
    }
  }

  @Test
  void repeatedEmptyAndConflictingOptionsAreUsageErrorsBeforeAnyWork() throws Exception {
    String[][] cases = {
        {"--mdm", "jamf", "--mdm", "intune"},
        {"--out", "a", "--out", "b"},
        {"--profiles", ""},
        {"--mdm", ","},
        {"--intune-channel", "userChannel"},
        {"--intune-channel", "userChannel", "--profiles", "combined"}};
    String[] messages = {
        "--mdm is given more than once ('jamf' and 'intune'); give it once, with a comma-separated list",
        "--out is given more than once ('a' and 'b'); give it once",
        "--profiles: the list is empty; leave the option out for the default",
        "--mdm: the list is empty; leave the option out for the default",
        "--intune-channel userChannel: profile sysext holds com.apple.system-extension-policy, which installs on"
            + " the device channel only; use deviceChannel, or --mdm without intune for it",
        "--intune-channel userChannel: profile combined holds com.apple.system-extension-policy, which installs on"
            + " the device channel only; use deviceChannel, or --mdm without intune for it"};
    for (int i = 0; i < cases.length; i++) {
      List<String> args = new java.util.ArrayList<>(List.of("generate", "--out", out().toString()));
      if (cases[i][0].equals("--out")) {
        args = new java.util.ArrayList<>(List.of("generate"));
      }
      args.addAll(List.of(cases[i]));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(2, run.exit(), String.join(" ", cases[i]));
      assertEquals("mde-profiles generate: " + messages[i] + " (see mde-profiles help generate)\n", run.err());
      assertEquals(0, fileCount(out()));
    }
  }

  @Test
  void optionsThatDoNotApplyToTheTargetsAreWarned() {
    CliRun run = CliRun.of("generate", "--mdm", "plain", "--profiles", "kext", "--jamf-category", "Security",
        "--intune-channel", "deviceChannel", "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().startsWith("warning: --jamf-category does not apply: the targets (plain) do not include"
        + " jamf\nwarning: --intune-channel does not apply: the targets (plain) do not include intune\n"),
        run.err());
  }

  @Test
  void aConfigInTheCurrentFolderIsReadAndSaidSo() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("project"));
    Files.writeString(folder.resolve("mde-profiles.yaml"), "organization: Contoso\nmdm: [plain]\nprofiles: [kext]\n");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "org.mdeprofiles.cli.Main", "generate")
        .directory(folder.toFile()).start();
    String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    assertTrue(err.startsWith("note: reading mde-profiles.yaml from the current folder (no --config given)\n"), err);
    assertTrue(Files.readString(folder.resolve("mde-profiles-out/plain/kext.mobileconfig")).contains("Contoso"));
  }

  @Test
  void aDryRunSaysWhatWouldHappenAndTouchesNothing() throws Exception {
    assertEquals(0, CliRun.of("generate", "--mdm", "plain", "--out", out().toString()).exit());
    Map<Path, String> before = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(out())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        before.put(p, Files.readString(p) + Files.getLastModifiedTime(p));
      }
    }
    CliRun run = CliRun.of("generate", "--mdm", "plain", "--profiles", "sysext,kext", "--org", "Other", "--out",
        out().toString(), "--dry-run");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("change: " + out().resolve("plain/sysext.mobileconfig") + "\n"
        + "change: " + out().resolve("plain/kext.mobileconfig") + "\n"
        + "change: " + out().resolve("manifest.json") + "\n"
        + "remove: " + out().resolve("plain/netfilter.mobileconfig") + "\n"), run.out());
    // sysext, kext and the manifest change; every other profile of the default bundle is removed.
    assertEquals(3 + org.mdeprofiles.TestCatalog.defaultNames().size() - 2, run.out().lines().count());
    Map<Path, String> after = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(out())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        after.put(p, Files.readString(p) + Files.getLastModifiedTime(p));
      }
    }
    assertEquals(before, after);
    CliRun same = CliRun.of("generate", "--mdm", "plain", "--out", out().toString(), "--dry-run");
    assertTrue(same.out().lines().allMatch(l -> l.startsWith("unchanged: ")), same.out());
  }

  @Test
  void aSettingsSchemaIsReadAsJson() throws Exception {
    Path schema = dir.resolve("schema.json");
    // Valid JSON a YAML parser refuses: a tab before a key and an escaped slash.
    Files.writeString(schema, "{\t\"$comment\": \"see https:\\/\\/example.com\",\n\t\"type\": \"object\",\n"
        + "\t\"properties\": {\"antivirusEngine\": {\"properties\": {\"enforcementLevel\":"
        + " {\"enum\": [\"real_time\", \"passive\"]}}}}}\n");
    // Valid for Defender's own spec, refused by this (narrower) schema.
    Path config = dir.resolve("typo.yaml");
    Files.writeString(config, "settings:\n  antivirusEngine:\n    enforcementLevel: on_demand\n");
    CliRun typo = CliRun.of("generate", "--config", config.toString(), "--settings-schema", schema.toString(),
        "--profiles", "settings", "--mdm", "plain", "--out", out().toString());
    assertEquals(1, typo.exit(), typo.err());
    assertEquals("settings: antivirusEngine.enforcementLevel: error: 'on_demand' is not one of the schema's values:"
        + " real_time, passive [schema.enum]\n"
        + "mde-profiles: the settings do not match the settings schema; nothing was written\n", typo.err());
    assertEquals(0, CliRun.of("generate", "--settings-schema", schema.toString(), "--profiles", "settings",
        "--mdm", "plain", "--out", out().toString()).exit());
    Files.writeString(schema, "{\"type\": \"object\",}");
    CliRun broken = CliRun.of("generate", "--settings-schema", schema.toString(), "--out", dir.resolve("o2").toString());
    assertEquals(3, broken.exit());
    assertTrue(broken.err().startsWith("mde-profiles: " + schema + ": not valid JSON: "), broken.err());
  }

  @Test
  void defendersSettingsAreCheckedByDefaultAtTheirPlaceInTheConfig() throws Exception {
    Path config = dir.resolve("mistakes.yaml");
    Files.writeString(config, String.join("\n",
        "settings:",
        "  antivirusEngine:",
        "    enforcementLevel: realtime",
        "    enableRealTimeProtection: \"yes\"",
        "    scanArchivs: true",
        "    scanResultsRetentionDays: 365",
        "    exclusions:",
        "      - $type: excludedFileName",
        "        path: /tmp",
        "      - $type: excludedPath",
        "        isDirectory: true",
        "  cloudServce:",
        "    enabled: true",
        "  dlp:",
        "    accessibility:",
        "      enforcement:",
        "        pasteToBrowserMode: off",
        ""));
    CliRun run = CliRun.of("generate", "--config", config.toString(), "--out", out().toString());
    assertEquals(1, run.exit(), run.err());
    String at = config + ": settings.";
    assertEquals(at + "antivirusEngine.enforcementLevel: error: 'realtime' is not an allowed value (allowed: passive,"
        + " on_demand, real_time); did you mean 'real_time'? [key.value]\n"
        + at + "antivirusEngine.enableRealTimeProtection: error: expected boolean, found string [key.type]\n"
        + at + "antivirusEngine.scanArchivs: error: unknown key scanArchivs for antivirusEngine; did you mean"
        + " 'scanArchives'? [key.misspelled]\n"
        + at + "antivirusEngine.scanResultsRetentionDays: error: 365 is outside the range 1 to 180 [key.range]\n"
        + at + "antivirusEngine.exclusions[0].name: error: name is required when $type is excludedFileName"
        + " [rule.require]\n"
        + at + "antivirusEngine.exclusions[0].path: warning: path is not read when $type is excludedFileName"
        + " [rule.ignored]\n"
        + at + "antivirusEngine.exclusions[1].path: error: path is required when $type is excludedPath [rule.require]\n"
        + at + "cloudServce: error: unknown key cloudServce for com.microsoft.wdav; did you mean 'cloudService'?"
        + " [key.misspelled]\n"
        + at + "dlp.accessibility.enforcement.pasteToBrowserMode: error: expected string, found boolean: YAML reads"
        + " unquoted yes, no, on and off as booleans; quote the value [config.yaml-boolean]\n"
        + "mde-profiles: Defender would ignore or misread these settings; nothing was written\n", run.err());
    assertFalse(Files.exists(out()));
  }

  @Test
  void anUnknownSettingIsOneWarningAndTheBundleIsWritten() throws Exception {
    Path config = dir.resolve("extra.yaml");
    Files.writeString(config, "settings:\n  antivirusEngine:\n    enforcementLevel: real_time\n"
        + "  vendorNotes: kept\n  dlp:\n    accessibility:\n      enforcement:\n"
        + "        pasteToBrowserMode: 'off'\n");
    CliRun run = CliRun.of("generate", "--config", config.toString(), "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    // Said once, at the config; not again for each generated profile that carries the settings.
    assertEquals(config + ": settings.vendorNotes: warning: unknown key vendorNotes for com.microsoft.wdav"
        + " [key.unknown]\n", run.err().lines().filter(l -> l.contains("vendorNotes")).map(l -> l + "\n")
        .reduce("", String::concat));
  }

  @Test
  void filesARunRemovesAreSaid() {
    assertEquals(0, CliRun.of("generate", "--mdm", "plain", "--out", out().toString()).exit());
    CliRun run = CliRun.of("generate", "--mdm", "plain", "--profiles", "sysext,kext", "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    StringBuilder expected = new StringBuilder();
    expected.append(out().resolve("plain/sysext.mobileconfig")).append('\n');
    expected.append(out().resolve("plain/kext.mobileconfig")).append('\n');
    for (String gone : org.mdeprofiles.TestCatalog.defaultNames().stream()
        .filter(n -> !n.equals("sysext") && !n.equals("kext")).toList()) {
      expected.append("removed: ").append(out().resolve("plain/" + gone + ".mobileconfig")).append('\n');
    }
    assertEquals(expected.toString(), run.out());
  }

  @Test
  void aBrokenOverrideOfAnyTemplateKindWritesNothing() throws Exception {
    Path templates = dir.resolve("templates");
    Files.createDirectories(templates.resolve("jamf"));
    Files.createDirectories(templates.resolve("guides"));
    String[][] overrides = {
        {"preferences.ftlx", "<plist><dict><key>x</key></plist>\n",
            "jamf/com.microsoft.wdav.plist: error: this file of the bundle does not read back as what it is:"
                + " malformed XML at line 1: </plist> where </dict> must come [bundle.malformed]"},
        {"jamf/classic.ftlx", "<os_x_configuration_profile><general><payloads>${payloads?no_esc}</payloads>"
            + "</general>\n",
            "jamf/kext.classic.xml: error: this file of the bundle does not read back as what it is: malformed XML"
                + " at line 60: the document ends inside <os_x_configuration_profile> [bundle.malformed]"},
        {"jamf/classic.ftlx", "<os_x_configuration_profile><general><payloads>x</payloads></general>"
            + "</os_x_configuration_profile>\n",
            "jamf/kext.classic.xml: error: this file of the bundle does not read back as what it is: its payloads"
                + " are not the profile, after Jamf's extra decoding [bundle.malformed]"},
        {"jamf/custom-settings.ftlx", "<plist version=\"1.0\"><dict><key>PayloadType</key><string>Configuration"
            + "</string></dict></plist>\n", "jamf/com.microsoft.wdav.classic.xml: PayloadIdentifier: error: required key"
            + " PayloadIdentifier is missing [key.missing]"},
        {"guides/jamf.md.ftl", "<#-- nothing -->", "jamf/UPLOAD.md: error: this file of the bundle does not read back"
            + " as what it is: the guide is empty [bundle.malformed]"},
        {"guides/jamf.md.ftl", "# Upload\u001b[2J\n", "jamf/UPLOAD.md: error: this file of the bundle does not read"
            + " back as what it is: the guide holds control character U+001B [bundle.malformed]"}};
    for (String[] override : overrides) {
      Files.writeString(templates.resolve(override[0]), override[1]);
      CliRun run = CliRun.of("generate", "--templates", templates.toString(), "--profiles", "kext,settings",
          "--mdm", "jamf", "--out", out().toString());
      assertEquals(1, run.exit(), run.err());
      assertTrue(run.err().contains(override[2] + "\n"), run.err());
      assertTrue(run.err().endsWith("mde-profiles: generated profiles did not validate; nothing was written\n"),
          run.err());
      assertEquals(0, fileCount(out()));
      Files.delete(templates.resolve(override[0]));
    }
  }

  @Test
  void aPayloadOverrideSeesTheHeaderAndApplesKeysAndWinsOverTheGenericWriter() throws Exception {
    Path templates = dir.resolve("templates");
    Files.createDirectories(templates.resolve("payloads"));
    Path plain = dir.resolve("plain");
    assertEquals(0, CliRun.of("generate", "--profiles", "kext", "--mdm", "plain", "--out", plain.toString()).exit());
    // What the built-in writer does, spelled out: the same bytes.
    Files.writeString(templates.resolve("payloads/com.apple.syspolicy.kernel-extension-policy.ftlx"),
        "<#list payload.content.entries as key, value>\n\t\t\t<key>${key}</key>\n<@p.value value \"\t\t\t\"/>\n"
            + "</#list>\n");
    CliRun same = CliRun.of("generate", "--templates", templates.toString(), "--profiles", "kext", "--mdm", "plain",
        "--out", out().toString());
    assertEquals(0, same.exit(), same.err());
    assertEquals(Files.readString(plain.resolve("plain/kext.mobileconfig")),
        Files.readString(out().resolve("plain/kext.mobileconfig")));
    // An override of another shape wins: one key, from the header and the content.
    Files.writeString(templates.resolve("payloads/com.apple.syspolicy.kernel-extension-policy.ftlx"),
        "\t\t\t<key>AllowedTeamIdentifiers</key>\n\t\t\t<array>\n\t\t\t\t<string>"
            + "${payload.content.entries[\"AllowedTeamIdentifiers\"].items[0].value}</string>\n\t\t\t</array>\n"
            + "\t\t\t<key>AllowUserOverrides</key>\n\t\t\t<${(payload.header.type?length > 0)?c}/>\n");
    CliRun other = CliRun.of("generate", "--templates", templates.toString(), "--profiles", "kext", "--mdm", "plain",
        "--out", out().toString());
    assertEquals(0, other.exit(), other.err());
    String kext = Files.readString(out().resolve("plain/kext.mobileconfig"));
    assertTrue(kext.contains("<key>AllowedTeamIdentifiers</key>\n\t\t\t<array>\n\t\t\t\t<string>UBF8T346G9</string>"
        + "\n\t\t\t</array>\n\t\t\t<key>AllowUserOverrides</key>\n\t\t\t<true/>\n\t\t</dict>"), kext);
    assertFalse(kext.contains("AllowedKernelExtensions"), kext);
  }

  @Test
  void templateOverrideThatBreaksTheRulesWritesNothing() throws Exception {
    Path templates = dir.resolve("templates");
    Files.createDirectories(templates.resolve("payloads"));
    Files.writeString(templates.resolve("payloads/com.apple.syspolicy.kernel-extension-policy.ftlx"),
        "\t\t\t<key>AllowUserOverrides</key>\n\t\t\t<integer>0</integer>\n");
    CliRun run = CliRun.of("generate", "--templates", templates.toString(), "--out", out().toString());
    assertEquals(1, run.exit());
    // The failure is said without the bundle's notes (infos) around it.
    assertEquals(ACCESSIBILITY_USER_CONTROL + "kext.mobileconfig: PayloadContent[0].AllowUserOverrides: error:"
        + " expected boolean, found integer [key.type]\nmde-profiles: generated profiles did not validate;"
        + " nothing was written\n",
        run.err());
    assertEquals(0, fileCount(out()));
  }

  @Test
  void hostileYamlIsRefusedInOneLine() throws Exception {
    CliRun.assertConfigError(dir, "settings: &s {loop: *s}\n",
        "an alias (*name) stands for a mapping or a list; only plain values may be aliased");
    CliRun.assertConfigError(dir, "big: &a [x, y]\nsettings: {a: *a, b: *a}\n",
        "an alias (*name) stands for a mapping or a list; only plain values may be aliased");
    CliRun.assertConfigError(dir, "#" + "x".repeat(70_000) + "\norganization: A\n",
        "line 1 is longer than 65536 characters");
    CliRun.assertConfigError(dir, "#" + "x".repeat(5_000_000) + "\n", "longer than 4194304 characters");
  }

  @Test
  void aliasesOfPlainValuesStillWork() throws Exception {
    Path config = dir.resolve("alias.yaml");
    Files.writeString(config, "organization: &o Contoso\nkext:\n  displayName: *o\n");
    CliRun run = CliRun.of("generate", "--config", config.toString(), "--profiles", "kext", "--mdm", "plain",
        "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.readString(out().resolve("plain/kext.mobileconfig"))
        .contains("<key>PayloadDisplayName</key>\n\t<string>Contoso</string>"));
  }

  @Test
  void configErrorsNameTheFullKey() throws Exception {
    CliRun.assertConfigError(dir, "autoupdate:\n  channel: [x]\n", "autoupdate.channel: expected a string");
    CliRun.assertConfigError(dir, "jamf:\n  colour: red\n",
        "jamf.colour: unknown setting (known: category, clientId, computerGroups, distributionMethod, redeployOnUpdate, url, user)");
  }
}
