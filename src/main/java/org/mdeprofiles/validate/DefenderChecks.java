package org.mdeprofiles.validate;

import java.util.List;
import java.util.Map;
import org.mdeprofiles.catalog.Defender;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistString;

/**
 * Checks that apply whenever a payload names Microsoft's code: Defender's bundle IDs spelled
 * right, approved under Microsoft's Team ID, and code requirements naming the right identifier
 * and signer.
 */
public final class DefenderChecks {
  private static final String PREFIX = "com.microsoft.";
  private static final List<String> TEAM_TO_BUNDLES =
      List.of("AllowedKernelExtensions", "AllowedSystemExtensions", "RemovableSystemExtensions",
          "NonRemovableSystemExtensions", "NonRemovableFromUISystemExtensions");

  private DefenderChecks() {}

  /**
   * The Defender checks of one installed payload's own keys (as {@code profiles -P -o stdout-xml}
   * lists them under PayloadContent): Team IDs, code requirements, and near-miss bundle IDs in
   * the keys that name code.
   */
  public static List<Finding> installedPayload(PlistDict content) {
    List<Finding> findings = new java.util.ArrayList<>();
    PlistPath root = PlistPath.root();
    payload(content, root, findings);
    for (String key : List.of("FilterDataProviderBundleIdentifier", "PluginBundleID")) {
      if (content.string(key) != null) {
        bundleId(content.string(key), root.key(key), findings);
      }
    }
    for (String key : TEAM_TO_BUNDLES) {
      if (content.get(key) instanceof PlistDict teams) {
        teams.entries().forEach((team, ids) -> {
          if (ids instanceof PlistArray array) {
            for (int i = 0; i < array.items().size(); i++) {
              if (array.items().get(i) instanceof PlistString s) {
                bundleId(s.value(), root.key(key).key(team).index(i), findings);
              }
            }
          }
        });
      }
    }
    if (content.get("Services") instanceof PlistDict services) {
      services.entries().forEach((service, grants) -> {
        if (grants instanceof PlistArray array) {
          for (int i = 0; i < array.items().size(); i++) {
            if (array.items().get(i) instanceof PlistDict grant && grant.string("Identifier") != null) {
              bundleId(grant.string("Identifier"), root.key("Services").key(service).index(i).key("Identifier"),
                  findings);
            }
          }
        }
      });
    }
    return findings;
  }

  /** A bundle ID that is almost, but not, one of Defender's: the likely intended ID. */
  static void bundleId(String value, PlistPath path, List<Finding> findings) {
    if (!value.startsWith(PREFIX) || Defender.KNOWN_BUNDLE_IDS.contains(value)) {
      return;
    }
    for (String known : Defender.KNOWN_BUNDLE_IDS) {
      if (distance(value, known) <= 2) {
        findings.add(Finding.error(path, "defender.bundle-id", value, known));
        return;
      }
    }
  }

  /** Team IDs and code requirements of one payload dictionary. */
  static void payload(PlistDict payload, PlistPath path, List<Finding> findings) {
    for (String key : TEAM_TO_BUNDLES) {
      if (payload.get(key) instanceof PlistDict teams) {
        for (Map.Entry<String, PlistValue> team : teams.entries().entrySet()) {
          checkTeam(team.getKey(), team.getValue(), path.key(key).key(team.getKey()), findings);
        }
      }
    }
    if (payload.get("AllowedTeamIdentifiers") instanceof PlistArray teams) {
      for (int i = 0; i < teams.items().size(); i++) {
        if (teams.items().get(i) instanceof PlistString s && !s.value().equals(Defender.TEAM_ID)
            && distance(s.value(), Defender.TEAM_ID) <= 2) {
          findings.add(Finding.error(path.key("AllowedTeamIdentifiers").index(i), "defender.team-id-typo",
              s.value(), Defender.TEAM_ID));
        }
      }
    }
    requirement(payload.string("FilterDataProviderBundleIdentifier"),
        payload.string("FilterDataProviderDesignatedRequirement"),
        path.key("FilterDataProviderDesignatedRequirement"), findings);
    if (payload.get("Services") instanceof PlistDict services) {
      for (Map.Entry<String, PlistValue> service : services.entries().entrySet()) {
        if (service.getValue() instanceof PlistArray grants) {
          for (int i = 0; i < grants.items().size(); i++) {
            if (grants.items().get(i) instanceof PlistDict grant) {
              requirement(grant.string("Identifier"), grant.string("CodeRequirement"),
                  path.key("Services").key(service.getKey()).index(i).key("CodeRequirement"), findings);
            }
          }
        }
      }
    }
  }

  private static void checkTeam(String team, PlistValue bundles, PlistPath path, List<Finding> findings) {
    if (team.equals(Defender.TEAM_ID) || !(bundles instanceof PlistArray array)) {
      return;
    }
    for (PlistValue item : array.items()) {
      if (item instanceof PlistString s && Defender.KNOWN_BUNDLE_IDS.contains(s.value())) {
        findings.add(Finding.error(path, "defender.team-id", s.value(), team, Defender.TEAM_ID));
        return;
      }
    }
  }

  /** The requirement of Defender code must name that code and Microsoft's signing team. */
  private static void requirement(String identifier, String requirement, PlistPath path, List<Finding> findings) {
    if (identifier == null || requirement == null || !Defender.KNOWN_BUNDLE_IDS.contains(identifier)) {
      return;
    }
    if (!requirement.contains("identifier \"" + identifier + "\"")) {
      findings.add(Finding.error(path, "defender.requirement-identifier", identifier));
    }
    String compact = requirement.replace(" ", "");
    if (!compact.contains("certificateleaf[subject.OU]=" + Defender.TEAM_ID)
        && !compact.contains("certificateleaf[subject.OU]=\"" + Defender.TEAM_ID + "\"")) {
      findings.add(Finding.error(path, "defender.requirement-team", Defender.TEAM_ID));
    }
  }

  /** Levenshtein distance, for near misses. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
