package org.mdeprofiles.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.Profiles;

/** The payload specs of the Defender payload types, including the rules Apple states in prose. */
class PayloadRulesTest {
  private static final String REQ = "<key>CodeRequirement</key><string>identifier \"x\"</string>";

  /** A profile with one payload of {@code type} whose own keys are {@code body}. */
  static String profile(String type, String body, boolean withVersion) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
        + "<key>PayloadType</key><string>Configuration</string>"
        + "<key>PayloadVersion</key><integer>1</integer>"
        + "<key>PayloadIdentifier</key><string>com.example.p</string>"
        + "<key>PayloadUUID</key><string>00000000-0000-5000-8000-000000000001</string>"
        + "<key>PayloadScope</key><string>System</string>"
        + "<key>PayloadContent</key><array><dict>"
        + "<key>PayloadType</key><string>" + type + "</string>"
        + (withVersion ? "<key>PayloadVersion</key><integer>1</integer>" : "")
        + "<key>PayloadIdentifier</key><string>com.example.p.1</string>"
        + "<key>PayloadUUID</key><string>00000000-0000-5000-8000-000000000002</string>"
        + body + "</dict></array></dict></plist>";
  }

  static List<String> findings(String xml) {
    try {
      // No fleet range: these tests are about the rules, not about what a macOS release deprecates.
      return Profiles.validate("t", xml.getBytes(StandardCharsets.UTF_8),
              new ValidationOptions(java.util.Optional.empty(), java.util.Optional.empty()))
          .findings().stream()
          .map(f -> f.path() + ": " + f.severity().label() + ": " + f.message() + " [" + f.code() + "]")
          .toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String tcc(String service, String grant) {
    return profile("com.apple.TCC.configuration-profile-policy",
        "<key>Services</key><dict><key>" + service + "</key><array><dict>"
            + "<key>Identifier</key><string>com.example.app</string>"
            + "<key>IdentifierType</key><string>bundleID</string>" + REQ + grant
            + "</dict></array></dict>", true);
  }

  @Test
  void integerAllowedAndStaticCodeAreErrors() {
    assertEquals(List.of(
        "PayloadContent[0].Services.SystemPolicyAllFiles[0].StaticCode: error: expected boolean, found integer [key.type]",
        "PayloadContent[0].Services.SystemPolicyAllFiles[0].Allowed: error: expected boolean, found integer [key.type]"),
        findings(tcc("SystemPolicyAllFiles",
            "<key>StaticCode</key><integer>0</integer><key>Allowed</key><integer>1</integer>")));
  }

  @Test
  void exactlyOneOfAllowedAndAuthorization() {
    assertEquals(List.of("PayloadContent[0].Services.SystemPolicyAllFiles[0]: error: exactly one of Allowed,"
            + " Authorization must be present; found none [rule.exactly-one]"),
        findings(tcc("SystemPolicyAllFiles", "")));
    assertEquals(List.of("PayloadContent[0].Services.SystemPolicyAllFiles[0]: error: exactly one of Allowed,"
            + " Authorization must be present; found Allowed, Authorization [rule.exactly-one]"),
        findings(tcc("SystemPolicyAllFiles",
            "<key>Allowed</key><true/><key>Authorization</key><string>Allow</string>")));
  }

  @Test
  void cameraCanOnlyBeDenied() {
    assertEquals(List.of("PayloadContent[0].Services.Camera[0].Allowed: error: true is not allowed: Camera can"
            + " only be denied by a profile [key.restricted]"),
        findings(tcc("Camera", "<key>Allowed</key><true/>")));
    assertEquals(List.of(), findings(tcc("Camera", "<key>Allowed</key><false/>")));
    assertEquals(List.of("PayloadContent[0].Services.ScreenCapture[0].Authorization: error: 'Allow' is not"
            + " allowed: ScreenCapture can only be denied by a profile [key.restricted]"),
        findings(tcc("ScreenCapture", "<key>Authorization</key><string>Allow</string>")));
  }

  @Test
  void appleEventsReceiverKeysBelongToAppleEventsOnly() {
    String receiver = "<key>AEReceiverIdentifier</key><string>com.apple.finder</string>"
        + "<key>AEReceiverIdentifierType</key><string>bundleID</string>"
        + "<key>AEReceiverCodeRequirement</key><string>identifier \"com.apple.finder\"</string>";
    assertEquals(List.of(), findings(tcc("AppleEvents", "<key>Allowed</key><true/>" + receiver)));
    assertEquals(List.of(
        "PayloadContent[0].Services.Accessibility[0].AEReceiverIdentifier: error: AEReceiverIdentifier is not"
            + " allowed here: the AppleEvents receiver keys belong to the AppleEvents service only [key.forbidden]",
        "PayloadContent[0].Services.Accessibility[0].AEReceiverIdentifierType: error: AEReceiverIdentifierType"
            + " is not allowed here: the AppleEvents receiver keys belong to the AppleEvents service only"
            + " [key.forbidden]",
        "PayloadContent[0].Services.Accessibility[0].AEReceiverCodeRequirement: error: AEReceiverCodeRequirement"
            + " is not allowed here: the AppleEvents receiver keys belong to the AppleEvents service only"
            + " [key.forbidden]"),
        findings(tcc("Accessibility", "<key>Allowed</key><true/>" + receiver)));
  }

  @Test
  void backgroundPayloadWithoutVersion() {
    String rules = "<key>Rules</key><array><dict><key>RuleType</key><string>LabelPrefix</string>"
        + "<key>RuleValue</key><string>com.microsoft.wdav</string></dict></array>";
    assertEquals(List.of("PayloadContent[0].PayloadVersion: error: required key PayloadVersion is missing"
        + " [key.missing]"), findings(profile("com.apple.servicemanagement", rules, false)));
    assertEquals(List.of(), findings(profile("com.apple.servicemanagement", rules, true)));
  }

  @Test
  void contentFilterNeedsASocketOrPacketFilterWithItsProvider() {
    assertEquals(List.of(
        "PayloadContent[0]: error: one of FilterSockets, FilterPackets must be true when FilterType is Plugin"
            + " [rule.any-true]"),
        findings(profile("com.apple.webcontent-filter", "<key>FilterType</key><string>Plugin</string>"
            + "<key>FilterSockets</key><false/>", true)));
    assertEquals(List.of(
        "PayloadContent[0].FilterDataProviderDesignatedRequirement: error: FilterDataProviderDesignatedRequirement"
            + " is required when FilterSockets is true [rule.require]"),
        findings(profile("com.apple.webcontent-filter", "<key>FilterType</key><string>Plugin</string>"
            + "<key>FilterSockets</key><true/>"
            + "<key>FilterDataProviderBundleIdentifier</key><string>com.microsoft.wdav.netext</string>", true)));
  }

  @Test
  void keysAppleListsForOtherPlatformsOnlyWarn() {
    assertEquals(List.of("PayloadContent[0].AutoFilterEnabled: warning: AutoFilterEnabled is not supported on"
            + " macOS; Apple lists it for other platforms only [key.unavailable]"),
        findings(profile("com.apple.webcontent-filter", "<key>FilterType</key><string>BuiltIn</string>"
            + "<key>AutoFilterEnabled</key><true/>", true)));
  }

  @Test
  void systemExtensionTeamKeys() {
    assertEquals(List.of("PayloadContent[0].AllowedSystemExtensions.UBF8T346G: error: key 'UBF8T346G' is not a"
            + " valid team-id [key.name-format]",
        "PayloadContent[0].AllowedSystemExtensions.UBF8T346G: error: com.microsoft.wdav.epsext is Microsoft's"
            + " code, signed by Team ID UBF8T346G9, but is approved under UBF8T346G [defender.team-id]"),
        findings(profile("com.apple.system-extension-policy", "<key>AllowedSystemExtensions</key><dict>"
            + "<key>UBF8T346G</key><array><string>com.microsoft.wdav.epsext</string></array></dict>", true)));
  }

  @Test
  void managedPreferencesWrapper() {
    String body = "<key>PayloadContent</key><dict><key>com.microsoft.wdav</key><dict><key>Forced</key><array><dict>"
        + "<key>mcx_preference_settings</key><dict><key>x</key><true/></dict></dict></array></dict></dict>";
    assertEquals(List.of(), findings(profile("com.apple.ManagedClient.preferences", body, true)));
    assertEquals(List.of("PayloadContent[0].PayloadContent.com.microsoft.wdav.Forced[0].mcx_preference_settings:"
            + " error: required key mcx_preference_settings is missing [key.missing]"),
        findings(profile("com.apple.ManagedClient.preferences",
            body.replace("mcx_preference_settings", "mcx_settings"), true)).subList(0, 1));
  }

  @Test
  void barePreferenceListIsNotAProfile() {
    assertEquals(List.of(": info: not a configuration profile but a bare preference list (the form Jamf's custom"
            + " settings upload takes); its keys are not checked [profile.bare-preferences]"),
        findings("<plist><dict><key>ChannelName</key><string>Production</string></dict></plist>"));
  }
}
