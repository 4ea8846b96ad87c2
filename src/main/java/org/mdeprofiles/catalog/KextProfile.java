package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.KextSettings;
import org.mdeprofiles.config.ProfileText;
import org.mdeprofiles.model.KernelExtensionPolicy;
import org.mdeprofiles.model.PayloadHeader;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.model.TeamKernelExtensions;

/** The legacy kernel-extension approval profile (macOS 10.13 to 10.15). */
final class KextProfile {
  static final String NAME = "kext";

  private KextProfile() {}

  static Profile build(GenerateSettings settings) {
    KextSettings kext = settings.kext();
    String identifier = settings.prefix() + "." + NAME;
    Set<String> teams = new LinkedHashSet<>();
    teams.add(Defender.TEAM_ID);
    teams.addAll(kext.extraTeamIds());
    Map<String, Set<String>> bundles = new LinkedHashMap<>();
    bundles.computeIfAbsent(Defender.TEAM_ID, t -> new LinkedHashSet<>()).add(Defender.KEXT_BUNDLE_ID);
    kext.extraKernelExtensions()
        .forEach((team, ids) -> bundles.computeIfAbsent(team, t -> new LinkedHashSet<>()).addAll(ids));
    List<TeamKernelExtensions> kernelExtensions = new ArrayList<>();
    bundles.forEach((team, ids) -> kernelExtensions.add(new TeamKernelExtensions(team, List.copyOf(ids))));

    PayloadHeader header =
        new PayloadHeader(
            KernelExtensionPolicy.TYPE,
            identifier + ".kernel-extension-policy",
            "",
            "Approved Kernel Extensions",
            "Lets the Microsoft Defender kernel extension load without asking the user.",
            settings.organization());
    KernelExtensionPolicy policy =
        new KernelExtensionPolicy(
            header,
            false,
            false,
            kext.approval().approvesTeams() ? List.copyOf(teams) : List.of(),
            kext.approval().approvesBundles() ? kernelExtensions : List.of());
    ProfileText text = settings.textFor(NAME);
    return Uuids.assign(
        new Profile(
            NAME,
            identifier,
            "",
            text.displayName().orElse("Microsoft Defender - Kernel Extension (legacy)"),
            text.description()
                .orElse(
                    "Approves the Microsoft Defender kernel extension (com.microsoft.wdavkext, Team ID"
                        + " UBF8T346G9) on macOS 10.13 to 10.15, so real-time protection can start."),
            settings.organization(),
            "System",
            settings.removalDisallowed(),
            List.of(policy)));
  }
}
