package org.mdeprofiles.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the kernel-extension approval profile.
 *
 * @param extraTeamIds Team IDs approved besides Microsoft's
 * @param extraKernelExtensions bundle IDs approved besides Defender's, by Team ID
 */
public record KextSettings(
    KextApproval approval, List<String> extraTeamIds, Map<String, List<String>> extraKernelExtensions) {
  public static final KextSettings DEFAULT = new KextSettings(KextApproval.BOTH, List.of(), Map.of());

  public KextSettings {
    Objects.requireNonNull(approval, "approval == null");
    extraTeamIds = List.copyOf(extraTeamIds);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    extraKernelExtensions.forEach((team, ids) -> copy.put(team, List.copyOf(ids)));
    extraKernelExtensions = java.util.Collections.unmodifiableMap(copy);
  }
}
