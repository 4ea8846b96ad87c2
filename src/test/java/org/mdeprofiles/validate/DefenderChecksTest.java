package org.mdeprofiles.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mdeprofiles.validate.PayloadRulesTest.findings;
import static org.mdeprofiles.validate.PayloadRulesTest.profile;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.TestProfiles;

class DefenderChecksTest {
  private static final String DR = "identifier \"com.microsoft.wdav\" and anchor apple generic and certificate"
      + " leaf[subject.OU] = UBF8T346G9";

  private static String grant(String identifier, String requirement) {
    return profile("com.apple.TCC.configuration-profile-policy",
        "<key>Services</key><dict><key>SystemPolicyAllFiles</key><array><dict>"
            + "<key>Identifier</key><string>" + identifier + "</string>"
            + "<key>IdentifierType</key><string>bundleID</string>"
            + "<key>CodeRequirement</key><string>" + requirement.replace("\"", "&quot;") + "</string>"
            + "<key>Allowed</key><true/></dict></array></dict>", true);
  }

  @Test
  void nearMissBundleIdNamesTheLikelyIntendedOne() {
    String xml = TestProfiles.defaultKext().replace("<string>com.microsoft.wdavkext</string>",
        "<string>com.microsoft.wdavkxt</string>");
    assertEquals(List.of("PayloadContent[0].AllowedKernelExtensions.UBF8T346G9[0]: error: 'com.microsoft.wdavkxt'"
        + " is not a Microsoft Defender bundle ID; did you mean com.microsoft.wdavkext? [defender.bundle-id]"),
        findings(xml));
  }

  @Test
  void otherMicrosoftAppsAreLeftAlone() {
    assertEquals(List.of(), findings(grant("com.microsoft.Word", "identifier \"com.microsoft.Word\"")));
  }

  @Test
  void defenderCodeApprovedUnderAnotherTeam() {
    String xml = TestProfiles.defaultKext().replace("\t\t\t\t<key>UBF8T346G9</key>", "\t\t\t\t<key>ABCDE12345</key>");
    assertEquals(List.of("PayloadContent[0].AllowedKernelExtensions.ABCDE12345: error: com.microsoft.wdavkext is"
        + " Microsoft's code, signed by Team ID UBF8T346G9, but is approved under ABCDE12345 [defender.team-id]"),
        findings(xml));
  }

  @Test
  void teamIdTypo() {
    String xml = TestProfiles.defaultKext().replace("\t\t\t\t<string>UBF8T346G9</string>",
        "\t\t\t\t<string>UBF8T364G9</string>");
    assertEquals(List.of("PayloadContent[0].AllowedTeamIdentifiers[0]: error: 'UBF8T364G9' is not Microsoft's"
        + " Team ID; did you mean UBF8T346G9? [defender.team-id-typo]"), findings(xml));
  }

  @Test
  void codeRequirementMustNameTheIdentifierAndMicrosoftsTeam() {
    assertEquals(List.of(), findings(grant("com.microsoft.wdav", DR)));
    assertEquals(List.of(
        "PayloadContent[0].Services.SystemPolicyAllFiles[0].CodeRequirement: error: the code requirement does not"
            + " name identifier \"com.microsoft.wdav.epsext\" [defender.requirement-identifier]"),
        findings(grant("com.microsoft.wdav.epsext", DR)));
    assertEquals(List.of(
        "PayloadContent[0].Services.SystemPolicyAllFiles[0].CodeRequirement: error: the code requirement does not"
            + " require Microsoft's signing team (certificate leaf[subject.OU] = UBF8T346G9)"
            + " [defender.requirement-team]"),
        findings(grant("com.microsoft.wdav", DR.replace("UBF8T346G9", "ABCDE12345"))));
  }

  @Test
  void editDistance() {
    assertEquals(1, DefenderChecks.distance("com.microsoft.wdavkxt", "com.microsoft.wdavkext"));
    assertEquals(0, DefenderChecks.distance("a", "a"));
    assertEquals(3, DefenderChecks.distance("", "abc"));
  }
}
