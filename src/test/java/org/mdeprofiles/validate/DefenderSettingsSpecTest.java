package org.mdeprofiles.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.finding.Finding;

/**
 * Defender's settings payload (com.microsoft.wdav) checked by the project's own spec, as
 * {@code validate} checks a profile someone hands it: no --settings-schema needed.
 */
class DefenderSettingsSpecTest {
  private static String profile(String settings) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<plist version=\"1.0\"><dict>"
        + "<key>PayloadContent</key><array><dict>" + settings
        + "<key>PayloadType</key><string>com.microsoft.wdav</string>"
        + "<key>PayloadIdentifier</key><string>com.example.wdav.settings.payload</string>"
        + "<key>PayloadUUID</key><string>0A4F7D1C-3B6E-4C2A-9D8E-1F2A3B4C5D6E</string>"
        + "<key>PayloadVersion</key><integer>1</integer>"
        + "</dict></array>"
        + "<key>PayloadDisplayName</key><string>Defender settings</string>"
        + "<key>PayloadIdentifier</key><string>com.example.wdav.settings</string>"
        + "<key>PayloadType</key><string>Configuration</string>"
        + "<key>PayloadUUID</key><string>6B1E2F3A-4C5D-4E6F-8A9B-0C1D2E3F4A5B</string>"
        + "<key>PayloadVersion</key><integer>1</integer>"
        + "</dict></plist>\n";
  }

  private static List<String> findings(String settings) throws Exception {
    return findings("com.microsoft.wdav", settings);
  }

  private static List<String> findings(String domain, String settings) throws Exception {
    return Profiles.validate("t", profile(settings).replace("<string>com.microsoft.wdav</string>",
            "<string>" + domain + "</string>").getBytes(StandardCharsets.UTF_8), ValidationOptions.DEFAULT)
        .findings().stream().map(DefenderSettingsSpecTest::line).toList();
  }

  private static String line(Finding f) {
    return f.path() + ": " + f.severity().label() + ": " + f.message() + " [" + f.code() + "]";
  }

  @Test
  void microsoftsOwnKindsOfSettingsAreClean() throws Exception {
    assertEquals(List.of(), findings("<key>antivirusEngine</key><dict>"
        + "<key>enforcementLevel</key><string>real_time</string>"
        + "<key>scanResultsRetentionDays</key><integer>90</integer>"
        + "<key>maximumOnDemandScanThreads</key><real>2.0</real>"
        + "<key>exclusions</key><array><dict><key>$type</key><string>excludedFileExtension</string>"
        + "<key>extension</key><string>pdf</string></dict></array></dict>"
        + "<key>edr</key><dict><key>tags</key><array><dict><key>key</key><string>GROUP</string>"
        + "<key>value</key><string>Finance</string></dict></array></dict>"
        + "<key>dlp</key><dict><key>accessibility</key><dict><key>enforcement</key><dict>"
        + "<key>unallowedBrowserMode</key><string>audit</string></dict>"
        + "<key>notification</key><dict><key>customMessage</key><string>Turn Accessibility back on.</string>"
        + "</dict></dict></dict>"
        + "<key>features</key><dict><key>dataLossPrevention</key><string>enabled</string></dict>"));
  }

  @Test
  void aMistypedValueIsAnErrorWithTheClosestName() throws Exception {
    assertEquals(List.of("PayloadContent[0].antivirusEngine.enforcementLevel: error: 'realtime' is not an allowed"
        + " value (allowed: passive, on_demand, real_time); did you mean 'real_time'? [key.value]",
        "PayloadContent[0].cloudService.cloudBlockLevel: error: 'extreme' is not an allowed value (allowed: normal,"
        + " moderate, high, high_plus, zero_tolerance) [key.value]"),
        findings("<key>antivirusEngine</key><dict><key>enforcementLevel</key><string>realtime</string></dict>"
            + "<key>cloudService</key><dict><key>cloudBlockLevel</key><string>extreme</string></dict>"));
  }

  @Test
  void aMistypedKeyIsAnErrorAtEveryLevel() throws Exception {
    assertEquals(List.of("PayloadContent[0].antivrusEngine: error: unknown key antivrusEngine for com.microsoft.wdav;"
        + " did you mean 'antivirusEngine'? [key.misspelled]",
        "PayloadContent[0].dlp.accessibility.enforcment: error: unknown key enforcment for accessibility; did you"
        + " mean 'enforcement'? [key.misspelled]",
        "PayloadContent[0].dlp.accessibility.notification.customMesage: error: unknown key customMesage for"
        + " notification; did you mean 'customMessage'? [key.misspelled]"),
        findings("<key>antivrusEngine</key><dict/>"
            + "<key>dlp</key><dict><key>accessibility</key><dict><key>enforcment</key><dict/>"
            + "<key>notification</key><dict><key>customMesage</key><string>x</string></dict></dict></dict>"));
  }

  @Test
  void wrongTypesRangesAndCountsAreErrors() throws Exception {
    assertEquals(List.of(
        "PayloadContent[0].antivirusEngine.enableRealTimeProtection: error: expected boolean, found string [key.type]",
        "PayloadContent[0].antivirusEngine.scanHistoryMaximumItems: error: 100 is outside the range 5000 to 15000"
            + " [key.range]",
        "PayloadContent[0].scheduledScan.dailyConfiguration.interval: error: 24.5 is outside the range 0 to 24"
            + " [key.range]",
        "PayloadContent[0].edr.tags: error: holds 2 items; expected at most 1 [key.count]",
        "PayloadContent[0].dlp.features[0].state: error: required key state is missing [key.missing]"),
        findings("<key>antivirusEngine</key><dict><key>enableRealTimeProtection</key><string>yes</string>"
            + "<key>scanHistoryMaximumItems</key><integer>100</integer></dict>"
            + "<key>scheduledScan</key><dict><key>dailyConfiguration</key><dict>"
            + "<key>interval</key><real>24.5</real></dict></dict>"
            + "<key>edr</key><dict><key>tags</key><array>"
            + "<dict><key>key</key><string>GROUP</string><key>value</key><string>a</string></dict>"
            + "<dict><key>key</key><string>GROUP</string><key>value</key><string>b</string></dict></array></dict>"
            + "<key>dlp</key><dict><key>features</key><array><dict><key>name</key><string>x</string></dict>"
            + "</array></dict>"));
  }

  @Test
  void anExclusionNeedsTheFieldOfItsTypeAndOthersAreNotRead() throws Exception {
    assertEquals(List.of(
        "PayloadContent[0].antivirusEngine.exclusions[0].path: error: path is required when $type is excludedPath"
            + " [rule.require]",
        "PayloadContent[0].antivirusEngine.exclusions[0].name: warning: name is not read when $type is excludedPath"
            + " [rule.ignored]"),
        findings("<key>antivirusEngine</key><dict><key>exclusions</key><array><dict>"
            + "<key>$type</key><string>excludedPath</string><key>name</key><string>cc</string>"
            + "</dict></array></dict>"));
  }

  @Test
  void anUnknownKeyFarFromAnyKnownOneIsAWarning() throws Exception {
    assertEquals(List.of("PayloadContent[0].contosoExtras: warning: unknown key contosoExtras for com.microsoft.wdav"
        + " [key.unknown]"), findings("<key>contosoExtras</key><true/>"));
  }

  @Test
  void jamfsPreferenceListIsCheckedByTheDomainItsFileNames() throws Exception {
    byte[] plist = ("<plist version=\"1.0\"><dict><key>antivirusEngine</key><dict><key>passiveMode</key>"
        + "<string>true</string></dict></dict></plist>\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(": info: a bare preference list of com.microsoft.wdav (named by the file), checked"
        + " against that domain's settings [profile.domain-preferences]",
        "antivirusEngine.passiveMode: error: expected boolean, found string [key.type]"),
        Profiles.validate("jamf/com.microsoft.wdav.plist", plist, ValidationOptions.DEFAULT).findings().stream()
            .map(DefenderSettingsSpecTest::line).toList());
    // Another name: not a domain the project knows, so only said to be a preference list.
    assertEquals(List.of("profile.bare-preferences"),
        Profiles.validate("settings.plist", plist, ValidationOptions.DEFAULT).findings().stream()
            .map(Finding::code).toList());
  }

  @Test
  void microsoftAutoUpdatesDocumentedKeys() throws Exception {
    assertEquals(List.of(
        "PayloadContent[0].ChannelName: warning: 'InsiderFast' is deprecated; use 'Beta' instead"
            + " [key.deprecated-value]",
        "PayloadContent[0].HowToCheck: error: 'AutomaticDownlaod' is not an allowed value (allowed: AutomaticDownload,"
            + " AutomaticCheck, Manual, Automatic); did you mean 'AutomaticDownload'? [key.value]",
        "PayloadContent[0].UpdateCheckFrequency: warning: UpdateCheckFrequency is deprecated: use UpdateCheckInterval"
            + " (its new name) [key.vendor-deprecated]",
        "PayloadContent[0].UpdateDeadline.FinalCountDown: error: 5 is outside the range 10 to 720 [key.range]",
        "PayloadContent[0].LastUpdate: error: LastUpdate is not allowed here: MAU keeps this preference itself;"
            + " Microsoft says never to set it in a managed profile [key.forbidden]",
        "PayloadContent[0].AcknowledgedDataCollectionPolicy: error: 'RequiredAndOptionalData' is not allowed:"
            + " RequiredDataOnly is the only value MAU reads (RequiredAndOptionalData was removed) [key.restricted]"),
        findings("com.microsoft.autoupdate2", "<key>ChannelName</key><string>InsiderFast</string>"
            + "<key>HowToCheck</key><string>AutomaticDownlaod</string>"
            + "<key>UpdateCheckFrequency</key><integer>720</integer>"
            + "<key>UpdateDeadline.FinalCountDown</key><integer>5</integer>"
            + "<key>LastUpdate</key><date>2026-01-01T00:00:00Z</date>"
            + "<key>AcknowledgedDataCollectionPolicy</key><string>RequiredAndOptionalData</string>"));
  }
}
