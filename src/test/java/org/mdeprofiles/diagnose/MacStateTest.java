package org.mdeprofiles.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.plist.PlistValue.PlistBoolean;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistString;

/**
 * The Mac's state beyond mdatp's health flags: cloud connectivity, an offboarding file, the
 * settings profile's values against the config, and the MDM's privacy grants in force.
 */
class MacStateTest {
  /**
   * Microsoft documents the passing form only ("... [OK]"); the failing lines here are stand-ins
   * for whatever mdatp prints instead, which diagnose shows as printed.
   */
  static final String CONNECTIVITY =
      """
      Testing connection with https://cdn.x.cp.wd.microsoft.com/ping ... [OK]
      Testing connection with https://x.cp.wd.microsoft.com/api/report ... [ERROR]
      Testing connection with https://winatp-gw-eus.microsoft.com/test ... [OK]
      """;

  static final String POLICY_HEALTH =
      """
      healthy                                     : true
      real_time_protection_enabled                : true [managed]
      cloud_enabled                               : true
      tamper_protection                           : "audit"
      """;
  static final PlistDict POLICY =
      PlistDict.of(
          "antivirusEngine", PlistDict.of("enforcementLevel", new PlistString("real_time")),
          "cloudService", PlistDict.of("enabled", new PlistBoolean(true)),
          "tamperProtection", PlistDict.of("enforcementLevel", new PlistString("block")));

  /** sudo plutil -p "/Library/Application Support/com.apple.TCC/MDMOverrides.plist". */
  static final String OVERRIDES =
      """
      {
        "com.microsoft.wdav" => {
          "kTCCServiceSystemPolicyAllFiles" => {
            "Allowed" => 1
            "CodeRequirementData" => {length = 172, bytes = 0xfade0c00 000000ac 00000001 00000006 ... 55424638 }
            "IdentifierType" => "bundleID"
          }
        }
        "com.microsoft.wdav.epsext" => {
          "kTCCServiceSystemPolicyAllFiles" => {
            "Authorization" => "Allow"
            "IdentifierType" => "bundleID"
          }
        }
        "com.apple.Terminal" => {
          "kTCCServiceAppleEvents" => {
            "com.apple.finder" => {
              "Allowed" => 0
            }
          }
        }
      }
      """;

  static final String DLP_DAEMON_GRANT =
      """
        "com.microsoft.dlp.daemon" => {
          "kTCCServiceSystemPolicyAllFiles" => {
            "Allowed" => true
          }
        }
      }
      """;

  private static List<Conclusion> conclusions(Diagnoser d, String... texts) {
    for (int i = 0; i < texts.length; i++) {
      d.read("input" + i, texts[i]);
    }
    return d.conclusions();
  }

  private static List<String> codes(List<Conclusion> found) {
    return found.stream().map(Conclusion::code).toList();
  }

  private static Conclusion find(List<Conclusion> found, String code) {
    return found.stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError(code + " not in " + codes(found)));
  }

  private static List<String> seen(Conclusion c) {
    return c.seen().stream().map(Evidence::toString).toList();
  }

  @Test
  void endpointsTheConnectivityTestCouldNotReachAreAProblem() {
    List<Conclusion> found = conclusions(new Diagnoser(), CONNECTIVITY);
    assertEquals(List.of("cloud-unreachable"), codes(found));
    Conclusion c = found.get(0);
    assertTrue(c.problem());
    assertEquals("Defender cannot reach 1 of 3 of its cloud endpoints", c.title());
    assertEquals(
        List.of(
            "input0:2: Testing connection with https://x.cp.wd.microsoft.com/api/report ..."
                + " [ERROR]"),
        seen(c));
    assertFalse(c.meaning().contains("inspects TLS"), c.meaning());
    assertTrue(c.manual().orElseThrow().contains("cloudService.proxy"));
    // Curl's certificate errors are the TLS-inspection hint; an OK run says nothing.
    Conclusion pinned =
        conclusions(new Diagnoser(), CONNECTIVITY.replace("[ERROR]", "[ERROR] (curl error 60)"))
            .get(0);
    assertTrue(pinned.meaning().contains("inspects TLS"), pinned.meaning());
    assertTrue(
        pinned
            .manual()
            .orElseThrow()
            .startsWith("exempt Defender's endpoints from TLS inspection"));
    for (String tls : List.of("[ERROR] curl error 35", "[ERROR] curl: (60) SSL certificate problem")) {
      assertTrue(conclusions(new Diagnoser(), CONNECTIVITY.replace("[ERROR]", tls)).get(0).meaning()
          .contains("inspects TLS"), tls);
    }
    // A number that is no curl error is no TLS hint.
    assertFalse(conclusions(new Diagnoser(), CONNECTIVITY.replace("[ERROR]", "[ERROR] timed out after 60 s"))
        .get(0).meaning().contains("inspects TLS"));
    Diagnoser ok = new Diagnoser().read("t", CONNECTIVITY.replace("[ERROR]", "[OK]"));
    assertTrue(ok.recognisedAnything());
    assertEquals(List.of(), ok.conclusions());
  }

  @Test
  void anOffboardingFileIsAProblemAndItsAbsenceIsNot() {
    String listing =
        "$ ls -l \"/Library/Application Support/Microsoft/Defender/\"\n"
            + "-rw-r--r--  1 root  wheel  1024 Nov 30 10:02"
            + " com.microsoft.wdav.atp.offboarding.plist\n";
    List<Conclusion> found = conclusions(new Diagnoser(), "licensed : false\n", listing);
    assertEquals(List.of("not-onboarded", "offboarded"), codes(found));
    Conclusion c = find(found, "offboarded");
    assertEquals(
        List.of(
            "input1:2: -rw-r--r--  1 root  wheel  1024 Nov 30 10:02"
                + " com.microsoft.wdav.atp.offboarding.plist"),
        seen(c));
    assertTrue(
        c.manual()
            .orElseThrow()
            .contains(
                "sudo rm '/Library/Application Support/Microsoft/Defender/"
                    + "com.microsoft.wdav.atp.offboarding.plist'"));
    // An offboarding profile shows in profiles show as its payload type.
    assertEquals(
        List.of("offboarded", "installed-profiles"),
        codes(
            conclusions(
                new Diagnoser(),
                "_computerlevel[1] attribute: profileIdentifier: com.contoso.offboarding\n"
                    + "_computerlevel[1] \tpayload[1] type\t="
                    + " com.microsoft.wdav.atp.offboarding\n")));
    Diagnoser absent =
        new Diagnoser()
            .read(
                "t",
                "ls: /Library/Application Support/Microsoft/Defender/"
                    + "com.microsoft.wdav.atp.offboarding.plist: No such file or directory\n");
    assertTrue(absent.recognisedAnything());
    assertEquals(List.of(), absent.conclusions());
  }

  @Test
  void settingsTheConfigSetsMustReachDefenderAsManaged() {
    List<Conclusion> found = conclusions(new Diagnoser().policy(POLICY), POLICY_HEALTH);
    assertEquals(
        List.of(
            "tamper-protection-not-blocking",
            "setting-not-managed",
            "tamper-protection-not-at-policy"),
        codes(found));
    Conclusion unmanaged = find(found, "setting-not-managed");
    assertTrue(unmanaged.problem());
    assertEquals("Defender does not take 2 settings from the settings profile", unmanaged.title());
    assertEquals(
        List.of(
            "input0:3: cloud_enabled                               : true",
            "input0:4: tamper_protection                           : \"audit\""),
        seen(unmanaged));
    assertTrue(
        unmanaged
            .meaning()
            .startsWith(
                "the config's settings set cloudService.enabled,"
                    + " tamperProtection.enforcementLevel, but"),
        unmanaged.meaning());
    assertEquals(List.of("settings"), unmanaged.profiles());
    Conclusion tamper = find(found, "tamper-protection-not-at-policy");
    assertEquals("tamper protection runs at audit, the settings say block", tamper.title());
    // The same in JSON, where isManaged carries the marking.
    String json =
        """
        {
          "healthy": true,
          "realTimeProtectionEnabled": {"value": true, "isManaged": true},
          "cloudEnabled": {"value": true, "isManaged": false},
          "tamperProtection": {"value": "block", "isManaged": true}
        }
        """;
    List<Conclusion> fromJson = conclusions(new Diagnoser().policy(POLICY), json);
    assertEquals(List.of("setting-not-managed"), codes(fromJson));
    assertEquals(
        List.of("input0:4: \"cloudEnabled\": {\"value\": true, \"isManaged\": false},"),
        seen(fromJson.get(0)));
  }

  @Test
  void withoutAConfigOrWhereNothingIsMarkedNoManagedJudgement() {
    assertEquals(
        List.of("tamper-protection-not-blocking"),
        codes(conclusions(new Diagnoser(), POLICY_HEALTH)));
    // Settings management by Defender for Endpoint replaces the profile (its note says so), so the
    // profile's values are not what the Mac should run.
    assertEquals(
        List.of("managed-by-mde"),
        codes(
                conclusions(
                    new Diagnoser().policy(POLICY),
                    POLICY_HEALTH.replace(
                        "tamper_protection", "managed_by : \"MDE\"\n" + "tamper_protection")))
            .stream()
            .filter(c -> !c.equals("tamper-protection-not-blocking"))
            .toList());
    // The legacy mdatp --health text marks nothing managed; JSON values without isManaged neither.
    assertEquals(
        List.of(),
        codes(
            conclusions(new Diagnoser().policy(POLICY), "healthy : true\ncloudEnabled : true\n")));
    assertEquals(
        List.of(),
        codes(
            conclusions(
                new Diagnoser().policy(POLICY),
                "{\n  \"healthy\": true,\n  \"cloudEnabled\": true\n}\n")));
  }

  @Test
  void theMdmsPrivacyGrantsTellAnOffSwitchFromAMissingGrant() {
    // Two of the three components the fulldisk profile grants: the DLP daemon's grant is missing.
    List<Conclusion> found = conclusions(new Diagnoser(), OVERRIDES);
    assertEquals(List.of("fda-grant-missing"), codes(found));
    Conclusion missing = found.get(0);
    assertEquals("the MDM grants no full disk access to com.microsoft.dlp.daemon", missing.title());
    assertEquals(List.of("fulldisk"), missing.profiles());
    assertEquals(
        List.of("input0:4: \"Allowed\" => 1", "input0:11: \"Authorization\" => \"Allow\""),
        seen(missing));
    // All three granted: a note that an off switch in System Settings does not matter.
    String all = OVERRIDES.substring(0, OVERRIDES.lastIndexOf("}")) + DLP_DAEMON_GRANT;
    List<Conclusion> granted = conclusions(new Diagnoser(), all);
    assertEquals(List.of("fda-granted-by-mdm"), codes(granted));
    assertFalse(granted.get(0).problem());
    assertEquals(
        "the MDM grants full disk access to com.microsoft.wdav, com.microsoft.wdav.epsext,"
            + " com.microsoft.dlp.daemon",
        granted.get(0).title());
    // Defender reports no access although the grant is in force: check, never deploy another.
    List<Conclusion> noAccess =
        conclusions(new Diagnoser(), "full_disk_access_enabled : false\n", all);
    assertEquals(List.of("no-full-disk-access"), codes(noAccess));
    assertEquals(List.of(), noAccess.get(0).profiles());
    assertTrue(
        noAccess.get(0).title().endsWith("although the MDM grants it"), noAccess.get(0).title());
    // A deny for a Defender component is its own problem.
    List<Conclusion> denied =
        conclusions(
            new Diagnoser(),
            all.replace("\"Authorization\" => \"Allow\"", "\"Authorization\" => \"Deny\""));
    assertEquals(List.of("tcc-grant-denied", "fda-grant-missing"), codes(denied));
    assertEquals(
        "an MDM profile denies Defender SystemPolicyAllFiles (com.microsoft.wdav.epsext)",
        denied.get(0).title());
  }

  @Test
  void aGrantBoundToAnotherRequirementIsNoGrantForDefender() {
    String wrong =
        OVERRIDES.replace(
            "      \"Authorization\" => \"Allow\"\n",
            "      \"Authorization\" => \"Allow\"\n"
                + "      \"CodeRequirement\" => \"identifier \\\"com.microsoft.wdav.epsext\\\" and"
                + " anchor apple generic\"\n");
    List<Conclusion> found = conclusions(new Diagnoser(), wrong);
    assertEquals(List.of("tcc-grant-wrong-requirement", "fda-grant-missing"), codes(found));
    assertEquals(List.of("input0:11: \"Authorization\" => \"Allow\""), seen(found.get(0)));
    assertTrue(
        found
            .get(0)
            .meaning()
            .endsWith(
                "com.microsoft.wdav.epsext (SystemPolicyAllFiles): the code requirement does not"
                    + " require Microsoft's signing team (certificate leaf[subject.OU] ="
                    + " UBF8T346G9)."),
        found.get(0).meaning());
    // Microsoft's own requirement passes.
    String right =
        wrong.replace(
            "and anchor apple generic\"",
            "and anchor apple generic and certificate" + " leaf[subject.OU] = UBF8T346G9\"");
    assertEquals(List.of("fda-grant-missing"), codes(conclusions(new Diagnoser(), right)));
  }

  @Test
  void theSameGrantsAsXml() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        	<key>com.microsoft.wdav</key>
        	<dict>
        		<key>kTCCServiceSystemPolicyAllFiles</key>
        		<dict>
        			<key>Allowed</key>
        			<true/>
        			<key>CodeRequirementData</key>
        			<data>
        			+t4MAAAAAKwAAAABAAAABgAAAAIAAAASY29tLm1pY3Jvc29mdC53ZGF2AAAA
        			</data>
        		</dict>
        	</dict>
        	<key>com.microsoft.wdav.epsext</key>
        	<dict>
        		<key>kTCCServiceSystemPolicyAllFiles</key>
        		<dict>
        			<key>Authorization</key>
        			<string>Allow</string>
        		</dict>
        	</dict>
        </dict>
        </plist>
        """;
    List<Conclusion> found = conclusions(new Diagnoser(), "healthy : true\n" + xml);
    assertEquals(List.of("fda-grant-missing"), codes(found));
    assertEquals(
        List.of("input0:11: <true/>", "input0:23: <string>Allow</string>"), seen(found.get(0)));
    // Only what the plist holds counts: a comment is no grant, and a block that is not
    // well-formed is no plist at all.
    String commented = xml.replace("</dict>\n</plist>", "<!-- <key>com.microsoft.dlp.daemon</key>"
        + " <dict><key>kTCCServiceSystemPolicyAllFiles</key><dict><key>Allowed</key><true/></dict></dict> -->\n"
        + "</dict>\n</plist>");
    assertEquals(List.of("fda-grant-missing"), codes(conclusions(new Diagnoser(), commented)));
    assertFalse(new Diagnoser().read("t", xml.replace("<string>Allow</string>", "<string>Allow</strin>"))
        .recognisedAnything());
    // A plist of another shape (a profile, say) is no grant list: nothing concluded from it.
    Diagnoser other =
        new Diagnoser()
            .read(
                "t",
                "<?xml version=\"1.0\"?>\n"
                    + "<plist version=\"1.0\">\n"
                    + "<dict>\n"
                    + "<key>PayloadType</key>\n"
                    + "<string>Configuration</string>\n"
                    + "</dict>\n"
                    + "</plist>\n");
    assertFalse(other.recognisedAnything());
  }

  @Test
  void dlpOnMacos27NamesAccessibilityAndMicrosoftsSettings() {
    String health = "data_loss_prevention_status : \"dormant\"\n";
    Conclusion before =
        conclusions(new Diagnoser().macos(MacosVersion.parse("26.1")), health).get(0);
    assertEquals("dlp-not-active", before.code());
    assertFalse(before.meaning().contains("dlp.accessibility"), before.meaning());
    String swVers = "ProductName:\t\tmacOS\nProductVersion:\t\t27.0\nBuildVersion:\t\t27A5001a\n";
    Conclusion on27 = conclusions(new Diagnoser(), swVers + health).get(0);
    assertTrue(
        on27.meaning()
            .contains("a profile can no longer keep Accessibility on for com.microsoft.dlp.daemon"),
        on27.meaning());
    assertTrue(
        on27.manual()
            .orElseThrow()
            .endsWith(
                "and set settings.dlp.accessibility (enforcement, notification)"
                    + " in the config"),
        on27.manual().orElseThrow());
    PlistDict withAccessibility =
        PlistDict.of(
            "dlp",
            PlistDict.of(
                "accessibility",
                PlistDict.of(
                    "enforcement",
                    PlistDict.of("unallowedBrowserMode", new PlistString("enforce")))));
    Conclusion configured =
        conclusions(new Diagnoser().policy(withAccessibility), swVers + health).get(0);
    assertTrue(
        configured.meaning().endsWith("The config's settings set dlp.accessibility."),
        configured.meaning());
    assertFalse(configured.manual().orElseThrow().contains("set settings.dlp.accessibility"));
  }

  /** sudo profiles -P -o stdout-xml, cut to three profiles: one approval under a wrong Team ID. */
  static final String PROFILES_XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
      <plist version="1.0">
      <dict>
      	<key>_computerlevel</key>
      	<array>
      		<dict>
      			<key>ProfileDisplayName</key>
      			<string>Microsoft Defender - System Extensions</string>
      			<key>ProfileIdentifier</key>
      			<string>com.contoso.mde.sysext</string>
      			<key>ProfileItems</key>
      			<array>
      				<dict>
      					<key>PayloadContent</key>
      					<dict>
      						<key>AllowedSystemExtensions</key>
      						<dict>
      							<key>UBF8T346G8</key>
      							<array>
      								<string>com.microsoft.wdav.epsext</string>
      								<string>com.microsoft.wdav.netext</string>
      							</array>
      						</dict>
      					</dict>
      					<key>PayloadIdentifier</key>
      					<string>com.contoso.mde.sysext.system-extensions</string>
      					<key>PayloadType</key>
      					<string>com.apple.system-extension-policy</string>
      				</dict>
      			</array>
      		</dict>
      		<dict>
      			<key>ProfileIdentifier</key>
      			<string>com.contoso.mde.settings</string>
      			<key>ProfileItems</key>
      			<array>
      				<dict>
      					<key>PayloadContent</key>
      					<dict>
      						<key>PayloadContentManagedPreferences</key>
      						<dict>
      							<key>com.microsoft.wdav</key>
      							<dict>
      								<key>Forced</key>
      								<array/>
      							</dict>
      						</dict>
      					</dict>
      					<key>PayloadType</key>
      					<string>com.apple.ManagedClient.preferences</string>
      				</dict>
      			</array>
      		</dict>
      		<dict>
      			<key>ProfileIdentifier</key>
      			<string>com.fabrikam.defender</string>
      			<key>ProfileItems</key>
      			<array>
      				<dict>
      					<key>PayloadType</key>
      					<string>com.microsoft.wdav</string>
      				</dict>
      			</array>
      		</dict>
      	</array>
      </dict>
      </plist>
      """;

  @Test
  void profilesAsXmlAreCheckedWithTheValidatorsDefenderRules() {
    List<Conclusion> found = conclusions(new Diagnoser(), PROFILES_XML);
    assertEquals(
        List.of("installed-profiles", "several-settings-profiles", "installed-approval-wrong"),
        codes(found));
    assertEquals(
        "configuration profiles installed: com.contoso.mde.sysext, com.contoso.mde.settings,"
            + " com.fabrikam.defender",
        found.get(0).title());
    // Jamf's custom settings count by the domain they hold, so two settings profiles are seen.
    assertEquals(
        List.of(
            "input0:51: <string>com.apple.ManagedClient.preferences</string>",
            "input0:62: <string>com.microsoft.wdav</string>"),
        seen(find(found, "several-settings-profiles")));
    Conclusion wrong = find(found, "installed-approval-wrong");
    assertEquals("an installed profile approves Defender wrongly (1 finding)", wrong.title());
    assertEquals(
        List.of("input0:29: <string>com.apple.system-extension-policy</string>"), seen(wrong));
    assertTrue(
        wrong
            .meaning()
            .contains(
                "com.contoso.mde.sysext (com.apple.system-extension-policy) at"
                    + " AllowedSystemExtensions.UBF8T346G8: com.microsoft.wdav.epsext is"
                    + " Microsoft's code, signed by Team ID UBF8T346G9, but is approved under"
                    + " UBF8T346G8"),
        wrong.meaning());
    assertEquals(List.of("sysext"), wrong.profiles());
    // Approved under Microsoft's Team ID: nothing wrong, and the installed payload changes the fix.
    List<Conclusion> right =
        conclusions(
            new Diagnoser(),
            PROFILES_XML.replace("UBF8T346G8", "UBF8T346G9"),
            "real_time_protection_subsystem : \"unavailable\"\n");
    assertFalse(codes(right).contains("installed-approval-wrong"), codes(right).toString());
    assertEquals(List.of(), find(right, "sysext-not-approved").profiles());
  }

  /** An onboarding blob as Microsoft's scripts write it: JSON whose body is JSON with orgId. */
  static String onboardingInfo(String org) {
    return "{\"body\":\"{\\\"previousOrgIds\\\":[],\\\"orgId\\\":\\\""
        + org
        + "\\\",\\\"datacenter\\\":"
        + "\\\"WestEurope\\\"}\",\"sig\":\"c2ln\"}";
  }

  /** sudo profiles -P -o stdout-xml with one custom-settings onboarding profile for {@code org}. */
  static String onboardingProfileXml(String org) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               + "<plist version=\"1.0\">\n"
               + "<dict>\n"
               + "<key>_computerlevel</key>\n"
               + "<array>\n"
               + "<dict>\n"
               + "<key>ProfileIdentifier</key>\n"
               + "<string>com.fabrikam.onboarding</string>\n"
               + "<key>ProfileItems</key>\n"
               + "<array>\n"
               + "<dict>\n"
               + "<key>PayloadContent</key>\n"
               + "<dict>\n"
               + "<key>PayloadContentManagedPreferences</key>\n"
               + "<dict>\n"
               + "<key>com.microsoft.wdav.atp</key>\n"
               + "<dict>\n"
               + "<key>Forced</key>\n"
               + "<array>\n"
               + "<dict>\n"
               + "<key>mcx_preference_settings</key>\n"
               + "<dict>\n"
               + "<key>OnboardingInfo</key>\n"
               + "<string>"
        + onboardingInfo(org).replace("&", "&amp;")
        + "</string>\n"
        + "</dict>\n"
        + "</dict>\n"
        + "</array>\n"
        + "</dict>\n"
        + "</dict>\n"
        + "</dict>\n"
        + "<key>PayloadType</key>\n"
        + "<string>com.apple.ManagedClient.preferences</string>\n"
        + "</dict>\n"
        + "</array>\n"
        + "</dict>\n"
        + "</array>\n"
        + "</dict>\n"
        + "</plist>\n";
  }

  @Test
  void theTenantTheMacReportsToAgainstTheConfigsOnboardingFile() {
    assertEquals(
        java.util.Optional.of("aaaa-1111"),
        org.mdeprofiles.config.OnboardingFile.orgIdOf(onboardingInfo("aaaa-1111")));
    List<Conclusion> found =
        conclusions(new Diagnoser().tenant("aaaa-1111"), "org_id : \"bbbb-2222\"\n");
    assertEquals(List.of("other-tenant"), codes(found));
    assertEquals(List.of("input0:1: org_id : \"bbbb-2222\""), seen(found.get(0)));
    assertFalse(
        found.get(0).meaning().contains("aaaa-1111"),
        "the onboarding file's organisation is never shown");
    assertEquals(
        List.of(),
        codes(conclusions(new Diagnoser().tenant("AAAA-1111"), "org_id : \"aaaa-1111\"\n")));
    assertEquals(
        List.of(),
        codes(conclusions(new Diagnoser().tenant("aaaa-1111"), "org_id : unavailable\n")));
  }

  @Test
  void anInstalledOnboardingBlobOfAnotherTenant() {
    List<Conclusion> found =
        conclusions(new Diagnoser(), "org_id : \"aaaa-1111\"\n", onboardingProfileXml("bbbb-2222"));
    assertEquals(List.of("onboarding-other-tenant", "installed-profiles"), codes(found));
    assertEquals(
        "an installed onboarding payload is for another organisation: bbbb-2222",
        found.get(0).title());
    assertEquals(
        List.of("input1:32: <string>com.apple.ManagedClient.preferences</string>"),
        seen(found.get(0)));
    // The Mac's own blob: nothing; with the config's organisation, that is the reference.
    assertEquals(
        List.of("installed-profiles"),
        codes(
            conclusions(
                new Diagnoser(), "org_id : \"aaaa-1111\"\n", onboardingProfileXml("aaaa-1111"))));
    List<Conclusion> byConfig =
        conclusions(new Diagnoser().tenant("cccc-3333"), onboardingProfileXml("aaaa-1111"));
    assertEquals(List.of("onboarding-other-tenant", "installed-profiles"), codes(byConfig));
    assertFalse(byConfig.get(0).meaning().contains("cccc-3333"));
  }
}
