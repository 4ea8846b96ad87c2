package org.mdeprofiles.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.TestProfiles;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.model.MacosVersion;

class ProfileValidatorTest {
  private static final String KEXT = TestProfiles.defaultKext();
  private static final String PAYLOAD_UUID = uuidAfter("kernel-extension-policy</string>");
  private static final String PROFILE_UUID = uuidAfter("com.microsoft.wdav.kext</string>");

  private static String uuidAfter(String marker) {
    int at = KEXT.indexOf(marker);
    int start = KEXT.indexOf("<string>", KEXT.indexOf("PayloadUUID", at)) + "<string>".length();
    return KEXT.substring(start, KEXT.indexOf("</string>", start));
  }

  private static List<String> findings(String xml) {
    return findings(xml, ValidationOptions.DEFAULT);
  }

  private static List<String> findings(String xml, ValidationOptions options) {
    try {
      return Profiles.validate("t", xml.getBytes(StandardCharsets.UTF_8), options).findings().stream()
          .map(ProfileValidatorTest::line)
          .toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String line(Finding f) {
    return f.path() + ": " + f.severity().label() + ": " + f.message() + " [" + f.code() + "]";
  }

  private static String replace(String from, String to) {
    if (!KEXT.contains(from)) {
      throw new AssertionError("fixture lacks " + from);
    }
    return KEXT.replace(from, to);
  }

  @Test
  void generatedProfileIsClean() {
    assertEquals(List.of(), findings(KEXT));
  }

  @Test
  void missingRequiredKey() {
    String xml = replace("\t\t\t<key>PayloadUUID</key>\n\t\t\t<string>" + PAYLOAD_UUID + "</string>\n", "");
    assertEquals(
        List.of("PayloadContent[0].PayloadUUID: error: required key PayloadUUID is missing [key.missing]"),
        findings(xml));
  }

  @Test
  void integerIsNotBoolean() {
    String xml = replace("<key>AllowUserOverrides</key>\n\t\t\t<false/>",
        "<key>AllowUserOverrides</key>\n\t\t\t<integer>0</integer>");
    assertEquals(
        List.of("PayloadContent[0].AllowUserOverrides: error: expected boolean, found integer [key.type]"),
        findings(xml));
  }

  @Test
  void valueOutsideRangeList() {
    String xml = replace("<string>System</string>", "<string>Device</string>");
    assertEquals(
        List.of("PayloadScope: error: 'Device' is not an allowed value (allowed: System, User) [key.value]"),
        findings(xml));
  }

  @Test
  void payloadVersionMustBeOne() {
    String xml = replace("<key>PayloadVersion</key>\n\t<integer>1</integer>",
        "<key>PayloadVersion</key>\n\t<integer>2</integer>");
    assertEquals(
        List.of("PayloadVersion: error: 2 is not an allowed value (allowed: 1) [key.value]"), findings(xml));
  }

  @Test
  void uuidSyntax() {
    String xml = replace(PAYLOAD_UUID, "not-a-uuid");
    assertEquals(
        List.of("PayloadContent[0].PayloadUUID: error: 'not-a-uuid' is not a valid uuid [key.format]"),
        findings(xml));
  }

  @Test
  void teamIdAndBundleIdFormats() {
    String xml = replace("\t\t\t\t<key>UBF8T346G9</key>\n\t\t\t\t<array>\n\t\t\t\t\t<string>com.microsoft.wdavkext</string>",
        "\t\t\t\t<key>ubf8t346g9</key>\n\t\t\t\t<array>\n\t\t\t\t\t<string>wdavkext</string>");
    assertEquals(
        List.of(
            "PayloadContent[0].AllowedKernelExtensions.ubf8t346g9: error: key 'ubf8t346g9' is not a valid"
                + " team-id [key.name-format]",
            "PayloadContent[0].AllowedKernelExtensions.ubf8t346g9[0]: error: 'wdavkext' is not a valid"
                + " bundle-id [key.format]"),
        findings(xml));
  }

  @Test
  void duplicateUuidsAndIdentifiers() {
    String xml = replace(PAYLOAD_UUID, PROFILE_UUID)
        .replace("com.microsoft.wdav.kext.kernel-extension-policy", "com.microsoft.wdav.kext");
    assertEquals(
        List.of(
            "PayloadContent[0].PayloadUUID: error: PayloadUUID " + PROFILE_UUID
                + " is also used at PayloadUUID [profile.duplicate-uuid]",
            "PayloadContent[0].PayloadIdentifier: warning: the payload reuses the profile's"
                + " PayloadIdentifier com.microsoft.wdav.kext; give each payload its own"
                + " [profile.identifier-reused]"),
        findings(xml));
  }

  @Test
  void duplicateIdentifierBetweenPayloads() {
    int start = KEXT.indexOf("\n\t\t<dict>\n") + 1;
    int end = KEXT.indexOf("\n\t\t</dict>\n") + "\n\t\t</dict>\n".length();
    String payload = KEXT.substring(start, end);
    String twin = payload.replace(PAYLOAD_UUID, "00000000-0000-5000-8000-000000000000");
    String xml = KEXT.substring(0, end) + twin + KEXT.substring(end);
    assertEquals(
        List.of("PayloadContent[1].PayloadIdentifier: error: PayloadIdentifier"
            + " com.microsoft.wdav.kext.kernel-extension-policy is also used at"
            + " PayloadContent[0].PayloadIdentifier [profile.duplicate-identifier]"),
        findings(xml));
  }

  @Test
  void duplicateKeyInOneDict() {
    String xml = replace("<key>AllowUserOverrides</key>\n\t\t\t<false/>",
        "<key>AllowUserOverrides</key>\n\t\t\t<false/>\n\t\t\t<key>AllowUserOverrides</key>\n\t\t\t<true/>");
    assertEquals(
        List.of("PayloadContent[0].AllowUserOverrides: error: the key AllowUserOverrides appears more than"
            + " once in this dictionary; macOS keeps only one of its values [plist.duplicate-key]"),
        findings(xml));
  }

  @Test
  void userScopeOnDeviceOnlyPayload() {
    String xml = replace("<string>System</string>", "<string>User</string>");
    assertEquals(
        List.of("PayloadScope: error: com.apple.syspolicy.kernel-extension-policy is a device-channel"
            + " payload, but the profile's PayloadScope is User [profile.scope-user]"),
        findings(xml));
  }

  @Test
  void unknownKeyIsAWarning() {
    String xml = replace("<key>AllowUserOverrides</key>", "<key>VendorExtraSetting</key>");
    assertEquals(
        List.of("PayloadContent[0].VendorExtraSetting: warning: unknown key VendorExtraSetting for"
            + " com.apple.syspolicy.kernel-extension-policy [key.unknown]"),
        findings(xml));
  }

  @Test
  void aNearMissOfAKnownKeyIsAnErrorNamingIt() {
    // macOS skips the misspelled key, so the setting the admin meant is not applied.
    String xml = replace("<key>AllowUserOverrides</key>", "<key>AllowUserOverride</key>");
    assertEquals(
        List.of("PayloadContent[0].AllowUserOverride: error: unknown key AllowUserOverride for"
            + " com.apple.syspolicy.kernel-extension-policy; did you mean 'AllowUserOverrides'? [key.misspelled]"),
        findings(xml));
  }

  @Test
  void unknownPayloadTypeIsInfoAndCommonKeysStillChecked() {
    String xml = replace("<string>com.apple.syspolicy.kernel-extension-policy</string>",
        "<string>com.example.unknown</string>")
        .replace("<key>PayloadVersion</key>\n\t\t\t<integer>1</integer>", "<key>PayloadVersion</key>\n\t\t\t<string>1</string>");
    List<String> got = findings(xml);
    assertEquals("PayloadContent[0].PayloadType: info: no rules for payload type com.example.unknown;"
        + " only the common payload keys were checked [payload.no-rules]", got.get(0));
    assertEquals("PayloadContent[0].PayloadVersion: error: expected integer, found string [key.type]", got.get(1));
    assertEquals(6, got.size(), got.toString()); // plus the four kext keys, unknown for this type
  }

  @Test
  void macosVersionTurnsIntroducedKeysIntoWarnings() {
    ValidationOptions options = new ValidationOptions(Optional.of(MacosVersion.parse("10.15")));
    assertEquals(
        List.of("PayloadContent[0].AllowNonAdminUserApprovals: warning: AllowNonAdminUserApprovals needs"
            + " macOS 11.0 or later; the fleet's oldest is 10.15 [key.introduced]"),
        findings(KEXT, options));
  }

  @Test
  void rootMustBeADictionary() {
    assertEquals(
        List.of(": error: the root is <array>, not <dict> [profile.root-type]"),
        findings("<plist version=\"1.0\"><array/></plist>"));
  }
}
