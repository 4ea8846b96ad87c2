package org.mdeprofiles.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each conclusion, from realistic output in every form a ticket carries it. */
class DiagnoserTest {
  static final String KEXT_ERA_HEALTH = """
      ProductName:		Mac OS X
      ProductVersion:		10.14.6
      healthy                                     : false
      health_issues                               : []
      licensed                                    : true
      real_time_protection_enabled                : false
      real_time_protection_available              : true
      """;
  static final String KEXTUTIL = """
      Diagnostics for /Library/Extensions/wdavkext.kext:
      Kext rejected due to system policy: <OSKext 0x7fb3a1f0a5c0 [0x7fff8d5a4af0]> { URL = "file:///Library/Extensions/wdavkext.kext/", ID = "com.microsoft.wdavkext" }
      """;
  static final String SYSTEMEXTENSIONSCTL = "2 extension(s)\n"
      + "--- com.apple.system_extension.network_extension\n"
      + "enabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"
      + "\t*\tUBF8T346G9\tcom.microsoft.wdav.netext (101.25032.0008/101.25032.0008)\tMicrosoft Defender Network"
      + " Extension\t[activated disabled]\n"
      + "--- com.apple.system_extension.endpoint_security\n"
      + "enabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"
      + "\t*\tUBF8T346G9\tcom.microsoft.wdav.epsext (101.25032.0008/101.25032.0008)\tMicrosoft Defender Endpoint"
      + " Security Extension\t[activated waiting for user]\n";
  static final String JSON_HEALTH = """
      {
        "healthy": false,
        "healthIssues": ["full disk access has not been granted", "something brand new"],
        "licensed": {"value": true, "isManaged": false, "displayValue": "true"},
        "realTimeProtectionEnabled": {"value": true, "isManaged": true},
        "realTimeProtectionAvailable": {"value": true},
        "realTimeProtectionSubsystem": "endpoint_security_extension",
        "definitionsStatus": {"$type": "upToDate"},
        "fullDiskAccessEnabled": false
      }
      """;
  static final String LEGACY_HEALTH = """
      healthy : false
      licensed : false
      realTimeProtectionEnabled : true
      realTimeProtectionAvailable : false
      """;

  private static List<String> codes(String... texts) {
    Diagnoser d = new Diagnoser();
    for (int i = 0; i < texts.length; i++) {
      d.read("input" + i, texts[i]);
    }
    return d.conclusions().stream().map(Conclusion::code).toList();
  }

  private static Conclusion only(String code, String text) {
    return new Diagnoser().read("ticket.txt", text).conclusions().stream()
        .filter(c -> c.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void kextEraHealthMeansTheKextIsNotApproved() {
    assertEquals(List.of("kext-not-approved"), codes(KEXT_ERA_HEALTH));
    Conclusion c = only("kext-not-approved", KEXT_ERA_HEALTH);
    assertEquals(List.of("kext"), c.profiles());
    assertEquals("mde-profiles generate --profiles kext --out mde-profiles-fix", c.command().orElseThrow());
    assertEquals(List.of(
        new Evidence("ticket.txt", 6, "real_time_protection_enabled                : false"),
        new Evidence("ticket.txt", 7, "real_time_protection_available              : true")), c.seen());
    assertTrue(c.manual().orElseThrow().contains("within 30 minutes"));
    assertTrue(c.manual().orElseThrow().contains("sudo kextutil /Library/Extensions/wdavkext.kext"));
  }

  @Test
  void theKextPairOnACurrentBuildIsRealTimeProtectionOffNeverAKextFix() {
    String current = "app_version : \"101.25032.0008\"\nreal_time_protection_enabled : false\n"
        + "real_time_protection_available : true\n";
    assertEquals(List.of("rtp-off"), codes(current));
    Conclusion c = only("rtp-off", current);
    assertTrue(c.problem());
    assertEquals("real-time protection is turned off", c.title());
    assertEquals(List.of("settings"), c.profiles());
    String sysext = "real_time_protection_subsystem : endpoint_security_extension\nreal_time_protection_enabled :"
        + " false\nreal_time_protection_available : true\n";
    assertEquals(List.of("rtp-off"), codes(sysext));
    assertEquals(List.of("rtp-off"), codes("ProductVersion: 14.5\n" + current.substring(current.indexOf('\n') + 1)));
  }

  @Test
  void passiveModeIsANoteNotAnAdviceToTurnRealTimeOn() {
    String passive = "app_version : 101.25032.0008\npassive_mode_enabled : true\nreal_time_protection_enabled : false\n"
        + "real_time_protection_available : true\nconflicting_applications : [\"othervendor\"]\n";
    assertEquals(List.of("passive-mode"), codes(passive));
    Conclusion c = only("passive-mode", passive);
    assertFalse(c.problem());
    assertEquals(4, c.seen().size()); // enabled, available, passive mode, the other antivirus
  }

  @Test
  void aLoneRealTimeOffLineIsAProblemNotHealthy() {
    assertEquals(List.of("rtp-off"), codes("real_time_protection_enabled : false\n"));
    assertTrue(only("rtp-off", "real_time_protection_enabled : false\n").problem());
  }

  @Test
  void theNetworkFixLeavesOutProfilesTheMacHasAlready() {
    String text = "health_issues : [\"network event provider not running\"]\n"
        + "    payload[1] type = com.apple.system-extension-policy\n"
        + "    payload[2] type = com.apple.webcontent-filter\n";
    Conclusion c = only("netext-not-running", text);
    assertEquals(List.of(), c.profiles());
    assertTrue(c.manual().orElseThrow().startsWith("a profile with a com.apple.webcontent-filter payload is"
        + " installed, so check it"), c.manual().orElseThrow());
    String onlySysext = "health_issues : [\"network event provider not running\"]\n"
        + "    payload[1] type = com.apple.system-extension-policy\n";
    assertEquals(List.of("netfilter"), only("netext-not-running", onlySysext).profiles());
  }

  @Test
  void kextutilRejectionByPolicy() {
    Conclusion c = only("kext-not-approved", KEXTUTIL);
    assertEquals(2, c.seen().get(0).line());
    assertEquals(List.of("kext-not-approved"), codes(KEXTUTIL));
  }

  @Test
  void systemExtensionWaitingForUserAndNetworkExtensionDisabled() {
    assertEquals(List.of("sysext-not-approved", "netext-not-running"), codes(SYSTEMEXTENSIONSCTL));
    Conclusion net = only("netext-not-running", SYSTEMEXTENSIONSCTL);
    assertEquals(List.of("sysext", "netfilter"), net.profiles());
  }

  @Test
  void unpaddedTextWithManagedSuffixes() {
    String text = "real_time_protection_enabled:true[managed]\nreal_time_protection_available:false\n"
        + "health_issues:[\"no active event provider\"]\n";
    assertEquals(List.of("sysext-not-approved"), codes(text));
    assertEquals(3, only("sysext-not-approved", text).seen().size());
  }

  @Test
  void subsystemUnavailable() {
    assertEquals(List.of("sysext-not-approved"), codes("real_time_protection_subsystem : unavailable\n"));
  }

  @Test
  void networkEventProviderNotRunning() {
    assertEquals(List.of("netext-not-running"),
        codes("health_issues : [\"network event provider not running\"]\n"));
  }

  @Test
  void fullDiskAccessFromIssueOrField() {
    assertEquals(List.of("no-full-disk-access"), codes("full_disk_access_enabled : false [managed]\n"));
    assertEquals(List.of("no-full-disk-access"),
        codes("health_issues : [\"full disk access has not been granted\"]\n"));
  }

  @Test
  void licenseFromBannerFieldOrIssue() {
    assertEquals(List.of("not-onboarded"), codes("ATTENTION: No license found. Contact your administrator for help.\n"
        + "healthy : true\n"));
    assertEquals(List.of("not-onboarded"), codes("licensed : false\n"));
    assertEquals(List.of("not-onboarded"), codes("health_issues : [\"missing license\"]\n"));
    Conclusion c = only("not-onboarded", "licensed : false\n");
    assertTrue(c.profiles().isEmpty());
    assertTrue(c.manual().orElseThrow().contains("--onboarding FILE"));
  }

  @Test
  void managedByMdeIsANote() {
    Conclusion c = only("managed-by-mde", "healthy : true\nmanaged_by : \"MDE\"\n");
    assertFalse(c.problem());
    assertTrue(c.meaning().contains("ignores settings an MDM profile gives"));
  }

  @Test
  void jsonFormWithObjectsAndTypes() {
    Diagnoser d = new Diagnoser().read("health.json", JSON_HEALTH);
    List<Conclusion> conclusions = d.conclusions();
    assertEquals(List.of("no-full-disk-access", "unknown-health-issue"),
        conclusions.stream().map(Conclusion::code).toList());
    assertEquals("mdatp reports a health issue: something brand new", conclusions.get(1).title());
    assertEquals(3, conclusions.get(0).seen().get(0).line());
    assertEquals(List.of(), d.unknownFields());
  }

  @Test
  void legacyCamelCaseText() {
    assertEquals(List.of("sysext-not-approved", "not-onboarded"), codes(LEGACY_HEALTH));
  }

  @Test
  void unknownFieldsAreShownVerbatim() {
    Diagnoser d = new Diagnoser().read("t", "healthy : true\nfancy_new_thing  :  \"on\" [managed]\n");
    assertEquals(List.of(), d.conclusions());
    assertEquals(List.of(new Evidence("t", 2, "fancy_new_thing  :  \"on\" [managed]")), d.unknownFields());
  }

  @Test
  void installedProfilesChangeTheFix() {
    String profiles = """
        There are 1 configuration profiles installed
        _computerlevel[1] attribute: profileIdentifier: com.contoso.mde.sysext
        _computerlevel[1] payload count = 1
        _computerlevel[1] \tpayload[1] type\t= com.apple.system-extension-policy
        """;
    Conclusion c = only("sysext-not-approved", SYSTEMEXTENSIONSCTL + profiles);
    assertEquals(List.of(), c.profiles());
    Conclusion installed = only("installed-profiles", profiles);
    assertFalse(installed.problem());
    assertEquals("configuration profiles installed: com.contoso.mde.sysext", installed.title());
    assertEquals("their payload types: com.apple.system-extension-policy.", installed.meaning());
    assertTrue(c.manual().orElseThrow().startsWith("a profile with a com.apple.system-extension-policy payload is"
        + " installed, so check it"), c.manual().orElseThrow());
  }

  @Test
  void payloadsAMacMayHoldOnceAreProblemsWhenInstalledTwice() {
    String profiles = """
        There are 3 configuration profiles installed
        _computerlevel[1] attribute: profileIdentifier: com.contoso.mde.netfilter
        _computerlevel[1] \tpayload[1] type\t= com.apple.webcontent-filter
        _computerlevel[1] \tpayload[2] type\t= com.microsoft.wdav
        _computerlevel[2] attribute: profileIdentifier: com.microsoft.wdav.combined
        _computerlevel[2] \tpayload[1] type\t= com.apple.webcontent-filter
        _computerlevel[2] \tpayload[2] type\t= com.microsoft.wdav
        _computerlevel[2] \tpayload[3] type\t= com.microsoft.wdav.atp
        _computerlevel[3] attribute: profileIdentifier: com.fabrikam.onboarding
        _computerlevel[3] \tpayload[1] type\t= com.microsoft.wdav.atp
        """;
    Diagnoser d = new Diagnoser().read("profiles.txt", profiles);
    List<Conclusion> found = d.conclusions();
    assertEquals(List.of("several-content-filters", "several-settings-profiles", "several-onboarding-profiles"),
        found.stream().filter(Conclusion::problem).map(Conclusion::code).toList());
    Conclusion filters = found.stream().filter(c -> c.code().equals("several-content-filters")).findFirst()
        .orElseThrow();
    assertEquals("2 content-filter payloads are installed", filters.title());
    assertEquals(List.of("profiles.txt:3: _computerlevel[1] \tpayload[1] type\t= com.apple.webcontent-filter",
        "profiles.txt:6: _computerlevel[2] \tpayload[1] type\t= com.apple.webcontent-filter"),
        filters.seen().stream().map(e -> e.source() + ":" + e.line() + ": " + e.text()).toList());
    assertEquals(List.of(), filters.profiles(), "never a fix that deploys another filter");
    assertEquals("2 profiles give Defender's settings (com.microsoft.wdav)",
        only("several-settings-profiles", profiles).title());
    assertEquals("2 onboarding payloads are installed (com.microsoft.wdav.atp)",
        only("several-onboarding-profiles", profiles).title());
    // One of each is as it should be: nothing said.
    String once = profiles.substring(0, profiles.indexOf("_computerlevel[2]"));
    assertEquals(List.of(), codes(once).stream().filter(c -> c.startsWith("several-")).toList());
  }

  @Test
  void everyConclusionCodeIsDocumentedInTheReadme() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    String codes = readme.substring(readme.indexOf("Conclusion codes:"), readme.indexOf("Reading a terminal"));
    List<String> undocumented = new java.util.ArrayList<>();
    java.util.Set<String> found = new java.util.TreeSet<>();
    // A conclusion's code opens its constructor; a field rule's stands before its problem flag.
    java.util.regex.Pattern code = java.util.regex.Pattern.compile(
        "new Conclusion\\(\\s*\"([a-z-]+)\"|\"([a-z]+(?:-[a-z]+)+)\",\\s*(?:true|false)\\b");
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
        java.nio.file.Path.of("src/main/java/org/mdeprofiles/diagnose"))) {
      for (java.nio.file.Path file : files.sorted().toList()) {
        java.util.regex.Matcher m = code.matcher(java.nio.file.Files.readString(file));
        while (m.find()) {
          String c = m.group(1) != null ? m.group(1) : m.group(2);
          found.add(c);
          if (!codes.contains("`" + c + "`")) {
            undocumented.add(c);
          }
        }
      }
    }
    assertEquals(List.of(), undocumented);
    assertTrue(found.containsAll(List.of("rtp-off", "definitions-old", "several-content-filters")), found.toString());
    assertTrue(found.size() >= 20, found.toString());
  }

  @Test
  void mixedInputFormsInOneFile() {
    String mixed = "$ mdatp health\n" + KEXT_ERA_HEALTH.replace("licensed                                    : true",
        "licensed : false") + "\n$ sudo kextutil /Library/Extensions/wdavkext.kext\n" + KEXTUTIL
        + "\n$ mdatp health --output json\n" + JSON_HEALTH;
    // The JSON comes later and its licensed: true replaces the text's false, as a later run would.
    assertEquals(List.of("kext-not-approved", "no-full-disk-access", "unknown-health-issue"), codes(mixed));
    assertEquals(List.of("kext-not-approved", "no-full-disk-access", "not-onboarded", "unknown-health-issue"),
        codes(mixed.replace("\"licensed\": {\"value\": true", "\"licensed\": {\"value\": false")));
  }

  @Test
  void nothingRecognisable() {
    assertFalse(new Diagnoser().read("t", "hello world\nthis is not mdatp output\n").recognisedAnything());
  }

  @Test
  void everyProfileAFixNamesIsInTheCatalog() throws Exception {
    StringBuilder all = new StringBuilder();
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
        java.nio.file.Path.of("src/main/java/org/mdeprofiles/diagnose"))) {
      for (java.nio.file.Path file : files.sorted().toList()) {
        all.append(java.nio.file.Files.readString(file));
      }
    }
    String source = all.toString();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("List\\.of\\((\"[a-z]+\"(?:, \"[a-z]+\")*)\\)")
        .matcher(source);
    java.util.Set<String> named = new java.util.TreeSet<>();
    while (m.find()) {
      for (String quoted : m.group(1).split(", ")) {
        named.add(quoted.replace("\"", ""));
      }
    }
    assertTrue(named.containsAll(List.of("kext", "sysext", "settings", "netfilter", "fulldisk", "autoupdate")),
        named.toString());
    for (String name : named) {
      assertTrue(org.mdeprofiles.catalog.Catalog.find(name).isPresent(), name + " is no catalog profile");
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      definitions_status : "outdated"                        | definitions-outdated           | true
      definitions_updated_minutes_ago : 20160                | definitions-old                | true
      engine_load_status : "Engine load failed"              | engine-not-loaded              | true
      network_protection_status : "failed_to_start"          | network-protection-not-started | true
      tamper_protection : "disabled"                         | tamper-protection-not-blocking | false
      release_ring : "InsiderFast"                           | insider-ring                   | false
      troubleshooting_mode : true                            | troubleshooting-mode-on        | true
      data_loss_prevention_status : "unhealthy"              | dlp-unhealthy                  | true
      data_loss_prevention_status : "disabled"               | dlp-not-active                 | false
      data_loss_prevention_status : "unsupported_os_version" | dlp-not-active                 | false
      """)
  void oneFieldConclusions(String line, String code, boolean problem) {
    assertEquals(List.of(code), codes("healthy : true\n" + line + "\n"));
    assertEquals(problem, only(code, line + "\n").problem());
  }

  @Test
  void oneFieldRulesStayQuietWhenAllIsWell() {
    assertEquals(List.of(), codes("healthy : true\ndefinitions_status : \"up_to_date\"\n"
        + "definitions_updated_minutes_ago : 42\nengine_load_status : \"Engine load succeeded\"\n"
        + "network_protection_status : \"started\"\ntamper_protection : \"block\"\nrelease_ring : \"Production\"\n"
        + "troubleshooting_mode : false\ndata_loss_prevention_status : \"active\"\n"));
  }

  @Test
  void networkProtectionStoppedIsAProblemOnlyWhereTheSettingsTurnItOn() {
    String stopped = "network_protection_status : \"stopped\"\n";
    assertEquals(List.of(), codes(stopped + "network_protection_enforcement_level : \"disabled\"\n"));
    assertEquals(List.of("network-protection-not-started"),
        codes(stopped + "network_protection_enforcement_level : \"block\" [managed]\n"));
    assertEquals(List.of("network-protection-not-started"), codes(stopped));
  }

  @Test
  void everyFixLeavesOutProfilesTheMacHoldsAlready() {
    String profiles = "_computerlevel[1] attribute: profileIdentifier: com.contoso.mde.sysext\n"
        + "_computerlevel[1] \tpayload[1] type\t= com.apple.system-extension-policy\n"
        + "_computerlevel[2] attribute: profileIdentifier: com.contoso.mde.netfilter\n"
        + "_computerlevel[2] \tpayload[1] type\t= com.apple.webcontent-filter\n";
    Conclusion np = only("network-protection-not-started", "network_protection_status : \"failed_to_start\"\n"
        + profiles);
    assertEquals(List.of(), np.profiles(), "never a second content filter");
    assertTrue(np.manual().orElseThrow().startsWith("the sysext and netfilter profiles' payloads are installed"
        + " already, so check that profile"), np.manual().orElseThrow());
    // One of the two installed: the other is still the fix.
    Conclusion half = only("network-protection-not-started", "network_protection_status : \"failed_to_start\"\n"
        + profiles.substring(0, profiles.indexOf("_computerlevel[2]")));
    assertEquals(List.of("netfilter"), half.profiles());
    // The settings profile, installed: rtp-off says to check it.
    Conclusion rtp = only("rtp-off", "app_version : \"101.25032.0008\"\nreal_time_protection_enabled : false\n"
        + "_computerlevel[1] attribute: profileIdentifier: com.contoso.mde.settings\n"
        + "_computerlevel[1] \tpayload[1] type\t= com.microsoft.wdav\n");
    assertEquals(List.of(), rtp.profiles());
    assertTrue(rtp.manual().orElseThrow().startsWith("the settings profile's payload is installed already"));
  }
}
