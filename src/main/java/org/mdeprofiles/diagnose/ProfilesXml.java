package org.mdeprofiles.diagnose;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.catalog.Defender;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.validate.DefenderChecks;

/**
 * {@code sudo profiles -P -o stdout-xml}: a dictionary by level ({@code _computerlevel}, user
 * names), each an array of installed profiles with {@code ProfileIdentifier} and {@code
 * ProfileItems}, the payloads, whose own keys are under {@code PayloadContent} (the shape Chef's
 * osx_profile resource, Salt's profile module and Microsoft's analyze_profiles.py, which checks
 * Defender's profiles on a Mac, read; {@code profiles show -output FILE} writes the same). Each
 * profile and payload is recorded as {@code profiles show} lines are, custom-settings payloads by
 * the preference domains they hold, and every Defender approval is checked with the validator's
 * Defender checks.
 */
final class ProfilesXml {
  private static final String CUSTOM_SETTINGS = "com.apple.ManagedClient.preferences";
  private static final String OFFBOARDING = Defender.ONBOARDING_DOMAIN + ".offboarding";

  /** An installed payload the validator finds wrong: its profile, its type's line, the finding. */
  record Wrong(String profile, String type, Finding finding, Evidence evidence) {}

  private ProfilesXml() {}

  /**
   * Records the installed profiles of {@code plist} (read from {@code lines}, whose {@code leaves}
   * give each value's line); false when the plist is not that output.
   */
  static boolean read(
      String source, String[] lines, PlistValue plist, List<PlistOutline.Leaf> leaves, MacFacts facts) {
    if (!(plist instanceof PlistDict root)) {
      return false;
    }
    boolean any = false;
    for (Map.Entry<String, PlistValue> level : root.entries().entrySet()) {
      if (!(level.getValue() instanceof PlistArray profiles)) {
        continue;
      }
      for (int i = 0; i < profiles.items().size(); i++) {
        if (!(profiles.items().get(i) instanceof PlistDict profile)
            || profile.string("ProfileIdentifier") == null) {
          continue;
        }
        any = true;
        String id = profile.string("ProfileIdentifier");
        facts.installedProfiles.add(id);
        facts.profileLines.add(
            at(
                source,
                lines,
                leaves,
                List.of(level.getKey(), String.valueOf(i), "ProfileIdentifier")));
        if (profile.get("ProfileItems") instanceof PlistArray items) {
          for (int j = 0; j < items.items().size(); j++) {
            if (items.items().get(j) instanceof PlistDict item) {
              payload(
                  id,
                  item,
                  at(
                      source,
                      lines,
                      leaves,
                      List.of(
                          level.getKey(),
                          String.valueOf(i),
                          "ProfileItems",
                          String.valueOf(j),
                          "PayloadType")),
                  facts);
            }
          }
        }
      }
    }
    if (any) {
      facts.recognised++;
    }
    return any;
  }

  private static void payload(String profile, PlistDict item, Evidence line, MacFacts facts) {
    String type = item.string("PayloadType");
    if (type == null) {
      return;
    }
    facts.installedPayloadTypes.add(type);
    if (item.string("PayloadIdentifier") != null) {
      facts.installedPayloadIdentifiers.add(item.string("PayloadIdentifier"));
    }
    PlistDict content =
        item.get("PayloadContent") instanceof PlistDict c ? c : new PlistDict(Map.of());
    // Custom settings count as the domains they hold: Defender's settings by Jamf are such a
    // payload.
    // Installed, macOS lists the domains under PayloadContentManagedPreferences (Microsoft's
    // analyze_profiles.py reads the onboarding blob there); a profile file has them in
    // PayloadContent.
    PlistDict domains =
        content.get("PayloadContentManagedPreferences") instanceof PlistDict d ? d : content;
    List<String> counted =
        type.equals(CUSTOM_SETTINGS) ? List.copyOf(domains.entries().keySet()) : List.of(type);
    for (String kind : counted) {
      facts.installedPayloads.add(new MacFacts.Field(kind, line));
      if (kind.equals(OFFBOARDING)) {
        facts.offboarding.add(line);
      }
    }
    onboardingInfo(type, content, domains)
        .flatMap(OnboardingFile::orgIdOf)
        .ifPresent(org -> facts.installedOnboardingOrgs.add(new MacFacts.Field(org, line)));
    for (Finding f : DefenderChecks.installedPayload(content)) {
      facts.wrongApprovals.add(new Wrong(profile, type, f, line));
    }
  }

  /**
   * An onboarding payload's OnboardingInfo: custom settings hold it at {@code
   * com.microsoft.wdav.atp > Forced > 0 > mcx_preference_settings} (as analyze_profiles.py reads
   * it), a payload of type com.microsoft.wdav.atp among its own keys.
   */
  private static Optional<String> onboardingInfo(
      String type, PlistDict content, PlistDict domains) {
    if (type.equals(Defender.ONBOARDING_DOMAIN)) {
      return Optional.ofNullable(content.string("OnboardingInfo"));
    }
    if (type.equals(CUSTOM_SETTINGS)
        && domains.get(Defender.ONBOARDING_DOMAIN) instanceof PlistDict domain
        && domain.get("Forced") instanceof PlistArray forced
        && !forced.items().isEmpty()
        && forced.items().get(0) instanceof PlistDict first
        && first.get("mcx_preference_settings") instanceof PlistDict settings) {
      return Optional.ofNullable(settings.string("OnboardingInfo"));
    }
    return Optional.empty();
  }

  /** The line of the leaf at {@code path}, or the block's first line when none is there. */
  private static Evidence at(
      String source, String[] lines, List<PlistOutline.Leaf> leaves, List<String> path) {
    int line =
        leaves.stream()
            .filter(l -> l.path().equals(path))
            .mapToInt(PlistOutline.Leaf::line)
            .findFirst()
            .orElse(1);
    return new Evidence(source, line, lines[line - 1].strip());
  }
}
