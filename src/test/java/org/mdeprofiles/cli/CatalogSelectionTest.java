package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.io.SafeYaml;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue;

/** Profile selection, --macos filtering and version warnings, the combined profile, onboarding. */
class CatalogSelectionTest {
  @TempDir Path dir;

  private Path out() {
    return dir.resolve("out");
  }

  private List<String> written() throws Exception {
    try (Stream<Path> files = Files.list(out().resolve("plain"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void macosElevenLeavesOutTheKextAndWarnsAboutNewerPayloads() throws Exception {
    CliRun run = CliRun.of("generate", "--macos", "11", "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    assertFalse(written().contains("kext.mobileconfig"));
    assertEquals(org.mdeprofiles.TestCatalog.defaultNames().size() - 1, written().size());
    assertTrue(run.err().contains("background.mobileconfig: PayloadContent[0]: warning:"
        + " com.apple.servicemanagement needs macOS 13.0 or later; the fleet's oldest is 11.0 [key.introduced]\n"),
        run.err());
  }

  @Test
  void accessibilityAndBluetoothDeprecationsAreWarnedForMacos27Fleets() throws Exception {
    String instead = "; Apple names in its place the Privacy key of the declarative configuration"
        + " com.apple.configuration.app.settings";
    // A 27-only fleet: every Mac meets the deprecation.
    CliRun run = CliRun.of("generate", "--macos", "27", "--profiles", "accessibility,bluetooth", "--mdm", "plain",
        "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(GenerateCommandTest.ACCESSIBILITY_USER_CONTROL
        + "accessibility.mobileconfig: PayloadContent[0].Services.Accessibility: warning:"
        + " Accessibility is deprecated since macOS 27.0" + instead + " [key.deprecated]\n"
        + "bluetooth.mobileconfig: PayloadContent[0].Services.BluetoothAlways: warning: BluetoothAlways is"
        + " deprecated since macOS 27.0" + instead + " [key.deprecated]\n" + GenerateCommandTest.NO_ONBOARDING,
        run.err());
    // A fleet from 26.4 that reaches 27 (the default newest): its newer Macs meet it, one finding per profile.
    CliRun older = CliRun.of("generate", "--macos", "26.4", "--profiles", "accessibility,bluetooth", "--mdm", "plain",
        "--out", dir.resolve("older").toString());
    assertEquals(GenerateCommandTest.PLAIN_MACOS_27 + GenerateCommandTest.NO_ONBOARDING, older.err());
    // A fleet that stops at 26.x hears nothing of it.
    CliRun before = CliRun.of("generate", "--newest-macos", "26.4", "--profiles", "accessibility,bluetooth", "--mdm",
        "plain", "--out", dir.resolve("before").toString());
    assertEquals(GenerateCommandTest.NO_ONBOARDING, before.err());
    // Acted on: dlp.accessibility set, so the user-control warning goes.
    Path config = dir.resolve("dlp.yaml");
    java.nio.file.Files.writeString(config, "settings:\n  dlp:\n    accessibility:\n      enforcement:\n"
        + "        pasteToBrowserMode: audit\n");
    CliRun acted = CliRun.of("generate", "--config", config.toString(), "--profiles", "accessibility", "--mdm",
        "plain", "--out", dir.resolve("acted").toString());
    assertEquals(GenerateCommandTest.deprecatedInFleet("accessibility.mobileconfig", "Accessibility")
        + GenerateCommandTest.NO_ONBOARDING, acted.err());
    CliRun inverted = CliRun.of("generate", "--macos", "27", "--newest-macos", "26", "--out",
        dir.resolve("x").toString());
    assertEquals(2, inverted.exit());
    assertEquals("mde-profiles generate: --newest-macos 26.0 is older than --macos 27.0 (the fleet's oldest)"
        + " (see mde-profiles help generate)\n", inverted.err());
  }

  @Test
  void nonRemovableSystemExtensionsWarnBeforeMacos15() throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "sysext:\n  nonRemovable: true\n");
    CliRun run = CliRun.of("generate", "--config", config.toString(), "--macos", "14", "--profiles", "sysext",
        "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().startsWith("sysext.mobileconfig: PayloadContent[0].NonRemovableSystemExtensions:"
        + " warning: NonRemovableSystemExtensions needs macOS 15.0 or later; the fleet's oldest is 14.0"
        + " [key.introduced]\n"), run.err());
  }

  @Test
  void kextOnlyForOldFleetsWhenAskedOnNewOnes() {
    CliRun run = CliRun.of("generate", "--macos", "12", "--profiles", "kext", "--out", out().toString());
    assertEquals(2, run.exit());
    assertEquals("mde-profiles generate: --profiles: kext applies to macOS 10.13-10.15 only, not to a fleet"
        + " whose oldest Mac runs 12.0 (see mde-profiles help generate)\n", run.err());
  }

  @Test
  void combinedHoldsEveryModernPayloadWithOneTccPayload() throws Exception {
    CliRun run = CliRun.of("generate", "--profiles", "combined", "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("combined.mobileconfig"), written());
    PlistValue.PlistDict root = (PlistValue.PlistDict) PlistReader.read(
        Files.readAllBytes(out().resolve("plain/combined.mobileconfig"))).root().orElseThrow();
    List<String> types = ((PlistValue.PlistArray) root.get("PayloadContent")).items().stream()
        .map(p -> ((PlistValue.PlistDict) p).string("PayloadType")).toList();
    // One payload per type, approvals first, the preferences last.
    assertEquals(types.stream().distinct().toList(), types);
    assertEquals(List.of("com.apple.system-extension-policy", "com.apple.TCC.configuration-profile-policy"),
        types.subList(0, 2));
    assertEquals(List.of("com.microsoft.wdav", "com.microsoft.autoupdate2"), types.subList(types.size() - 2,
        types.size()));
    assertTrue(types.containsAll(List.of("com.apple.webcontent-filter", "com.apple.notificationsettings",
        "com.apple.servicemanagement")), types.toString());
    PlistValue.PlistDict tcc = (PlistValue.PlistDict) ((PlistValue.PlistArray) root.get("PayloadContent")).items().get(1);
    // Every TCC service of the default bundle's modern profiles, in catalog order.
    List<String> services = org.mdeprofiles.TestCatalog.defaults().stream().filter(e -> !e.legacy())
        .flatMap(e -> e.build(org.mdeprofiles.config.GenerateSettings.defaults()).payloads().stream())
        .filter(p -> p.content().get("Services") instanceof PlistValue.PlistDict)
        .flatMap(p -> ((PlistValue.PlistDict) p.content().get("Services")).entries().keySet().stream()).toList();
    assertTrue(services.containsAll(List.of("SystemPolicyAllFiles", "Accessibility", "BluetoothAlways")), services.toString());
    assertEquals(services, List.copyOf(((PlistValue.PlistDict) tcc.get("Services")).entries().keySet()));
    assertEquals(0, CliRun.of("validate", out().resolve("plain/combined.mobileconfig").toString()).exit());
  }

  @Test
  void combinedWithOthersIsRefused() {
    CliRun run = CliRun.of("generate", "--profiles", "combined,sysext", "--out", out().toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("mde-profiles generate: --profiles: combined already holds every modern"
        + " payload"), run.err());
  }

  @Test
  void onboardingSecretAppearsOnlyInItsCopy() throws Exception {
    String secret = "SECRET-ONBOARDING-BLOB-7d1c";
    Path onboarding = dir.resolve("onboarding.plist");
    Files.writeString(onboarding, "<?xml version=\"1.0\"?>\n<plist version=\"1.0\"><dict><key>OnboardingInfo</key>"
        + "<string>" + secret + "</string></dict></plist>\n");
    CliRun run = CliRun.of("generate", "--onboarding", onboarding.toString(), "--out", out().toString());
    assertEquals(0, run.exit(), run.err());
    assertFalse(run.out().contains(secret) || run.err().contains(secret));
    List<Path> copies = List.of(out().resolve("plain/com.microsoft.wdav.atp.plist"),
        out().resolve("jamf/com.microsoft.wdav.atp.plist"), out().resolve("intune/com.microsoft.wdav.atp.plist"));
    for (Path copy : copies) {
      assertEquals(Files.readString(onboarding), Files.readString(copy));
    }
    // Jamf's Classic API body carries the secret too, as custom settings: a secret file as well.
    Path body = out().resolve("jamf/com.microsoft.wdav.atp.classic.xml");
    assertTrue(Files.readString(body).contains("<key>OnboardingInfo</key>"));
    List<Path> secrets = new ArrayList<>(copies);
    secrets.add(body);
    for (Path secretFile : secrets) {
      assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(secretFile)), "the secret is its owner's only: " + secretFile);
    }
    TreeSet<String> marked = new TreeSet<>();
    for (Object f : (List<?>) ((Map<?, ?>) SafeYaml.load(
        Files.readString(out().resolve("manifest.json")))).get("files")) {
      Map<?, ?> entry = (Map<?, ?>) f;
      if (Boolean.TRUE.equals(entry.get("secret"))) {
        marked.add(out().resolve((String) entry.get("path")).toString());
      }
    }
    assertEquals(new TreeSet<>(secrets.stream().map(Path::toString).toList()), marked,
        "the manifest marks exactly the secret files");
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(out().resolve("plain/sysext.mobileconfig"))));
    try (Stream<Path> walk = Files.walk(out())) {
      for (Path p : walk.filter(Files::isRegularFile).filter(p -> !secrets.contains(p)).toList()) {
        assertFalse(Files.readString(p).contains(secret), p + " leaks the onboarding secret");
      }
    }
  }

  @Test
  void onboardingThatIsNotOneIsRefusedWithoutQuotingIt() throws Exception {
    Path wrong = dir.resolve("wrong.plist");
    Files.writeString(wrong, "<plist><dict><key>Other</key><string>PRIVATE-TEXT</string></dict></plist>");
    CliRun run = CliRun.of("generate", "--onboarding", wrong.toString(), "--out", out().toString());
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: " + wrong + ": does not target com.microsoft.wdav.atp (no OnboardingInfo string"
        + " found)\n", run.err());
    Files.writeString(wrong, "PRIVATE-TEXT <not xml");
    run = CliRun.of("generate", "--onboarding", wrong.toString(), "--out", out().toString());
    assertEquals(3, run.exit());
    assertFalse(run.err().contains("PRIVATE-TEXT"));
    assertFalse(Files.exists(out()));
  }

  @Test
  void settingsWithoutAPlistFormAreRefused() throws Exception {
    CliRun.assertConfigError(dir, "settings:\n  antivirusEngine:\n    exclusions:\n",
        "settings.antivirusEngine.exclusions: empty value; a plist has no null (remove the key or give a value)");
  }

  @Test
  void autoUpdateChannelIsChecked() throws Exception {
    CliRun.assertConfigError(dir, "autoupdate:\n  channel: Nightly\n",
        "autoupdate.channel: 'Nightly' is not one of Production, Preview, Beta, Current, CurrentThrottle");
  }
}
