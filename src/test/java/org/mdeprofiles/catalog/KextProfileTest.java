package org.mdeprofiles.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.TestProfiles;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.KextApproval;
import org.mdeprofiles.config.KextSettings;
import org.mdeprofiles.model.Payload;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistBoolean;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistString;

class KextProfileTest {
  private static GenerateSettings settings(String org, String prefix, KextSettings kext) {
    GenerateSettings d = GenerateSettings.defaults();
    return new GenerateSettings(org, prefix, true, Optional.empty(), Optional.empty(), kext, false, d.notifications(),
        d.autoUpdate(), d.defenderSettings(), Map.of());
  }

  private static Profile build(GenerateSettings s) {
    return Catalog.find("kext").orElseThrow().build(s);
  }

  private static Payload policy(Profile p) {
    return p.payloads().get(0);
  }

  private static List<String> teams(Payload p) {
    return p.content().get("AllowedTeamIdentifiers") instanceof PlistArray a ? strings(a) : List.of();
  }

  /** AllowedKernelExtensions as Team ID -> bundle IDs, in order; empty when the key is left out. */
  private static Map<String, List<String>> kernelExtensions(Payload p) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    if (p.content().get("AllowedKernelExtensions") instanceof PlistDict d) {
      d.entries().forEach((team, ids) -> out.put(team, strings((PlistArray) ids)));
    }
    return out;
  }

  private static List<String> strings(PlistArray a) {
    return a.items().stream().map(v -> ((PlistString) v).value()).toList();
  }

  private static PlistValue key(Payload p, String key) {
    return p.content().get(key);
  }

  @Test
  void defaultApprovesDefenderByTeamAndBundle() {
    Payload p = policy(build(GenerateSettings.defaults()));
    assertEquals(List.of("UBF8T346G9"), teams(p));
    assertEquals(Map.of("UBF8T346G9", List.of("com.microsoft.wdavkext")), kernelExtensions(p));
    assertEquals(new PlistBoolean(false), key(p, "AllowUserOverrides"));
    assertEquals(new PlistBoolean(false), key(p, "AllowNonAdminUserApprovals"));
    assertEquals("com.microsoft.wdav.kext.kernel-extension-policy", p.header().identifier());
  }

  @Test
  void approvalModeChoosesKeys() {
    Payload team = policy(build(settings("O", "com.o", new KextSettings(KextApproval.TEAM, List.of(), Map.of()))));
    assertEquals(List.of("UBF8T346G9"), teams(team));
    assertEquals(null, key(team, "AllowedKernelExtensions"));
    Payload bundle = policy(build(settings("O", "com.o", new KextSettings(KextApproval.BUNDLE, List.of(), Map.of()))));
    assertEquals(null, key(bundle, "AllowedTeamIdentifiers"));
    assertEquals(1, kernelExtensions(bundle).size());
  }

  @Test
  void extraTeamsAndBundlesFollowDefendersWithoutDuplicates() {
    KextSettings kext = new KextSettings(KextApproval.BOTH, List.of("ABCDE12345", "UBF8T346G9"),
        Map.of("UBF8T346G9", List.of("com.microsoft.wdavkext", "com.microsoft.other"),
            "ABCDE12345", List.of("com.example.driver")));
    Payload p = policy(build(settings("O", "com.o", kext)));
    assertEquals(List.of("UBF8T346G9", "ABCDE12345"), teams(p));
    assertEquals(List.of("UBF8T346G9", "ABCDE12345"), List.copyOf(kernelExtensions(p).keySet()));
    assertEquals(List.of("com.microsoft.wdavkext", "com.microsoft.other"), kernelExtensions(p).get("UBF8T346G9"));
    assertEquals(List.of("com.example.driver"), kernelExtensions(p).get("ABCDE12345"));
  }

  @Test
  void uuidsAreStableAndVersion5() {
    Profile a = build(GenerateSettings.defaults());
    Profile b = build(GenerateSettings.defaults());
    assertEquals(a, b);
    assertEquals('5', a.uuid().charAt(14));
    assertEquals('5', policy(a).header().uuid().charAt(14));
    assertEquals(TestProfiles.defaultKext(), TestProfiles.defaultKext());
  }

  @Test
  void organisationPrefixAndContentChangeUuids() {
    Profile base = build(settings("Contoso", "com.contoso", KextSettings.DEFAULT));
    Profile otherOrg = build(settings("Fabrikam", "com.contoso", KextSettings.DEFAULT));
    Profile otherPrefix = build(settings("Contoso", "com.fabrikam", KextSettings.DEFAULT));
    Profile otherContent = build(settings("Contoso", "com.contoso",
        new KextSettings(KextApproval.TEAM, List.of(), Map.of())));
    assertNotEquals(base.uuid(), otherOrg.uuid());
    assertNotEquals(policy(base).header().uuid(), policy(otherOrg).header().uuid());
    assertNotEquals(base.uuid(), otherPrefix.uuid());
    assertNotEquals(policy(base).header().uuid(), policy(otherPrefix).header().uuid());
    assertNotEquals(policy(base).header().uuid(), policy(otherContent).header().uuid());
    assertNotEquals(base.uuid(), otherContent.uuid());
  }
}
