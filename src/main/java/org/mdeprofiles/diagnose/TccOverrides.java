package org.mdeprofiles.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.catalog.Defender;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistString;
import org.mdeprofiles.validate.DefenderChecks;

/**
 * The privacy grants an MDM put in force on the Mac, from {@code /Library/Application
 * Support/com.apple.TCC/MDMOverrides.plist} as {@code plutil -p} or XML prints it. Its shape, as
 * the tools that read it agree (Microsoft's analyze_profiles.py for Defender, munkicon's pppcp
 * module, Jamf community TCC audit scripts): a dictionary by client identifier, then by service
 * ({@code kTCCService} + the profile's service name), then the grant: its decision, {@code
 * Authorization} (macOS 11 and later: Allow, Deny, AllowStandardUserToSetSystemService) or the
 * older boolean {@code Allowed}, and the {@code CodeRequirement} it is bound to. Apple Events nest
 * one level deeper, by receiver.
 *
 * <p>This is what tells "full disk access looks off in System Settings" (the switch does not show
 * an MDM grant) from "no grant reached the Mac".
 */
final class TccOverrides {
  /**
   * One client's decision for one service, the code requirement it is bound to (when the file holds
   * it as text, as Microsoft's analyze_profiles.py reads it), and the line of the decision.
   */
  record Grant(
      String client,
      String service,
      boolean allowed,
      Optional<String> requirement,
      Evidence evidence) {}

  static final String FILE = "/Library/Application Support/com.apple.TCC/MDMOverrides.plist";
  static final String FULL_DISK = "SystemPolicyAllFiles";
  private static final String PREFIX = "kTCCService";

  private TccOverrides() {}

  /** The grants in {@code leaves}, or empty when they are no MDMOverrides.plist. */
  static Optional<List<Grant>> read(String source, String[] lines, List<PlistOutline.Leaf> leaves) {
    // Apple Events (client, service, receiver, key) are not a grant Defender needs: only depth 3.
    java.util.Map<List<String>, java.util.Map<String, PlistOutline.Leaf>> byGrant =
        new java.util.LinkedHashMap<>();
    boolean shaped = false;
    for (PlistOutline.Leaf leaf : leaves) {
      List<String> path = leaf.path();
      if (path.size() < 3 || !path.get(1).startsWith(PREFIX)) {
        continue;
      }
      shaped = true;
      if (path.size() == 3) {
        byGrant
            .computeIfAbsent(path.subList(0, 2), k -> new java.util.HashMap<>())
            .put(path.get(2), leaf);
      }
    }
    List<Grant> grants = new ArrayList<>();
    byGrant.forEach(
        (key, values) -> {
          PlistOutline.Leaf decision =
              values.containsKey("Authorization")
                  ? values.get("Authorization")
                  : values.get("Allowed");
          if (decision != null) {
            grants.add(
                new Grant(
                    key.get(0),
                    key.get(1).substring(PREFIX.length()),
                    allows(decision.value()),
                    Optional.ofNullable(values.get("CodeRequirement"))
                        .map(PlistOutline.Leaf::value),
                    new Evidence(source, decision.line(), lines[decision.line() - 1].strip())));
          }
        });
    return shaped ? Optional.of(grants) : Optional.empty();
  }

  private static boolean allows(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals("1") || v.equals("true") || v.startsWith("allow");
  }

  /**
   * What the grants say: Defender's components denied a service (a problem), full disk access
   * missing for some (a problem, the fulldisk profile), or in force for all (a note, unless
   * Defender still reports no full disk access, which {@code fdaProblem} then explains).
   */
  static List<Conclusion> conclusions(
      MacFacts facts, boolean fdaProblem, List<String> fixProfiles) {
    List<Conclusion> out = new ArrayList<>();
    if (!facts.tccOverridesSeen) {
      return out;
    }
    List<Grant> denied =
        facts.tccGrants.stream()
            .filter(g -> !g.allowed() && Defender.KNOWN_BUNDLE_IDS.contains(g.client()))
            .toList();
    if (!denied.isEmpty()) {
      out.add(
          new Conclusion(
              "tcc-grant-denied",
              true,
              "an MDM profile denies Defender "
                  + String.join(
                      ", ",
                      denied.stream()
                          .map(g -> g.service() + " (" + g.client() + ")")
                          .distinct()
                          .toList()),
              denied.stream().map(Grant::evidence).toList(),
              "a deny in a privacy profile wins over the user and over other profiles' allows, so"
                  + " Defender cannot get this access while that profile is installed.",
              List.of(),
              Optional.of(
                  "find the profile with a Deny (or Allowed false) for these identifiers in"
                      + " profiles show -type configuration and remove that entry")));
    }
    List<String> wrong = new ArrayList<>();
    List<Evidence> wrongSeen = new ArrayList<>();
    for (Grant g : facts.tccGrants) {
      if (g.allowed() && g.requirement().isPresent()) {
        PlistDict grant =
            PlistDict.of(
                "Identifier",
                new PlistString(g.client()),
                "CodeRequirement",
                new PlistString(g.requirement().get()));
        for (Finding f :
            DefenderChecks.installedPayload(
                PlistDict.of(
                    "Services", PlistDict.of(g.service(), new PlistArray(List.of(grant)))))) {
          wrong.add(g.client() + " (" + g.service() + "): " + f.message());
          wrongSeen.add(g.evidence());
        }
      }
    }
    if (!wrong.isEmpty()) {
      out.add(
          new Conclusion(
              "tcc-grant-wrong-requirement",
              true,
              "an MDM grant in force is bound to a code" + " requirement that is not Defender's",
              wrongSeen,
              "macOS gives the access only to code that meets the"
                  + " grant's requirement, so Defender does not get it: "
                  + String.join("; ", wrong)
                  + ".",
              fixProfiles,
              Optional.of(
                  "replace the privacy profile that holds this grant with the bundle's"
                      + " (mde-profiles validate shows the same on the file)")));
    }
    Set<String> granted = new LinkedHashSet<>();
    List<Evidence> seen = new ArrayList<>();
    fullDiskGrants(facts)
        .forEach(
            g -> {
              granted.add(g.client());
              seen.add(g.evidence());
            });
    List<String> missing =
        Catalog.grantees(FULL_DISK).stream().filter(id -> !granted.contains(id)).toList();
    if (!missing.isEmpty()) {
      out.add(
          new Conclusion(
              "fda-grant-missing",
              true,
              "the MDM grants no full disk access to " + String.join(", ", missing),
              seen,
              "MDMOverrides.plist (the MDM's privacy grants in force) has no full disk access for"
                  + " these, so Defender cannot scan protected locations unless a user allowed it"
                  + " by hand.",
              fixProfiles,
              Optional.of(
                  "if a privacy profile for Defender is installed, it does not grant these"
                      + " identifiers or its code requirement does not match them: check it with"
                      + " mde-profiles validate")));
    } else if (!fdaProblem) {
      out.add(
          new Conclusion(
              "fda-granted-by-mdm",
              false,
              "the MDM grants full disk access to " + String.join(", ", granted),
              seen,
              "these grants are in force; System Settings does not show an MDM grant as a switch"
                  + " turned on, so a switch that looks off there is not a problem.",
              List.of(),
              Optional.empty()));
    }
    return out;
  }

  /**
   * True when MDMOverrides.plist was given and allows full disk access to every Defender component.
   */
  static boolean fullDiskInForce(MacFacts facts) {
    return facts.tccOverridesSeen
        && fullDiskGrants(facts).stream()
            .map(Grant::client)
            .toList()
            .containsAll(Catalog.grantees(FULL_DISK));
  }

  private static List<Grant> fullDiskGrants(MacFacts facts) {
    return facts.tccGrants.stream()
        .filter(g -> g.service().equals(FULL_DISK) && g.allowed())
        .toList();
  }
}
