package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.KextSettings;
import org.mdeprofiles.model.KernelExtensionPolicy;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.model.TeamBundleIds;

/** The legacy kernel-extension approval profile (macOS 10.13 to 10.15). */
final class KextProfile {
  static final String NAME = "kext";

  private KextProfile() {}

  static Profile build(GenerateSettings settings) {
    KextSettings kext = settings.kext();
    Set<String> teams = new LinkedHashSet<>();
    teams.add(Defender.TEAM_ID);
    teams.addAll(kext.extraTeamIds());
    Map<String, Set<String>> bundles = new LinkedHashMap<>();
    bundles.computeIfAbsent(Defender.TEAM_ID, t -> new LinkedHashSet<>()).add(Defender.KEXT_BUNDLE_ID);
    kext.extraKernelExtensions()
        .forEach((team, ids) -> bundles.computeIfAbsent(team, t -> new LinkedHashSet<>()).addAll(ids));
    List<TeamBundleIds> kernelExtensions = new ArrayList<>();
    bundles.forEach((team, ids) -> kernelExtensions.add(new TeamBundleIds(team, List.copyOf(ids))));

    KernelExtensionPolicy policy =
        new KernelExtensionPolicy(
            Envelope.header(settings, NAME, KernelExtensionPolicy.TYPE, "kernel-extension-policy",
                "Approved Kernel Extensions",
                "Lets the Microsoft Defender kernel extension load without asking the user."),
            false,
            false,
            kext.approval().approvesTeams() ? List.copyOf(teams) : List.of(),
            kext.approval().approvesBundles() ? kernelExtensions : List.of());
    return Envelope.wrap(settings, NAME,
        "Microsoft Defender - Kernel Extension (legacy)",
        "Approves the Microsoft Defender kernel extension (com.microsoft.wdavkext, Team ID"
            + " UBF8T346G9) on macOS 10.13 to 10.15, so real-time protection can start.",
        List.of(policy));
  }
}
