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
import org.mdeprofiles.model.KernelExtensionPolicy;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.model.TeamBundleIds;

class KextProfileTest {
  private static GenerateSettings settings(String org, String prefix, KextSettings kext) {
    GenerateSettings d = GenerateSettings.defaults();
    return new GenerateSettings(org, prefix, true, Optional.empty(), Optional.empty(), kext, false, d.notifications(),
        d.autoUpdate(), d.defenderSettings(), Map.of());
  }

  private static Profile build(GenerateSettings s) {
    return KextProfile.build(s);
  }

  private static KernelExtensionPolicy policy(Profile p) {
    return (KernelExtensionPolicy) p.payloads().get(0);
  }

  @Test
  void defaultApprovesDefenderByTeamAndBundle() {
    KernelExtensionPolicy p = policy(build(GenerateSettings.defaults()));
    assertEquals(List.of("UBF8T346G9"), p.allowedTeamIdentifiers());
    assertEquals(List.of(new TeamBundleIds("UBF8T346G9", List.of("com.microsoft.wdavkext"))),
        p.allowedKernelExtensions());
    assertEquals(false, p.allowUserOverrides());
    assertEquals(false, p.allowNonAdminUserApprovals());
    assertEquals("com.microsoft.wdav.kext.kernel-extension-policy", p.header().identifier());
  }

  @Test
  void approvalModeChoosesKeys() {
    KernelExtensionPolicy team = policy(build(settings("O", "com.o", new KextSettings(KextApproval.TEAM, List.of(), Map.of()))));
    assertEquals(List.of("UBF8T346G9"), team.allowedTeamIdentifiers());
    assertEquals(List.of(), team.allowedKernelExtensions());
    KernelExtensionPolicy bundle = policy(build(settings("O", "com.o", new KextSettings(KextApproval.BUNDLE, List.of(), Map.of()))));
    assertEquals(List.of(), bundle.allowedTeamIdentifiers());
    assertEquals(1, bundle.allowedKernelExtensions().size());
  }

  @Test
  void extraTeamsAndBundlesFollowDefendersWithoutDuplicates() {
    KextSettings kext = new KextSettings(KextApproval.BOTH, List.of("ABCDE12345", "UBF8T346G9"),
        Map.of("UBF8T346G9", List.of("com.microsoft.wdavkext", "com.microsoft.other"),
            "ABCDE12345", List.of("com.example.driver")));
    KernelExtensionPolicy p = policy(build(settings("O", "com.o", kext)));
    assertEquals(List.of("UBF8T346G9", "ABCDE12345"), p.allowedTeamIdentifiers());
    assertEquals(new TeamBundleIds("UBF8T346G9", List.of("com.microsoft.wdavkext", "com.microsoft.other")),
        p.allowedKernelExtensions().get(0));
    assertEquals(new TeamBundleIds("ABCDE12345", List.of("com.example.driver")),
        p.allowedKernelExtensions().get(1));
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
