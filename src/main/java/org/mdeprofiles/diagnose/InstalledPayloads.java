package org.mdeprofiles.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.catalog.CatalogEntry;
import org.mdeprofiles.catalog.Defender;

/**
 * What the installed profiles hold twice where a Mac may use one: a content filter (Defender runs
 * one filter; a second content-filter payload, such as the netfilter profile from two MDM
 * profiles, breaks network traffic), Defender's settings (macOS gives an app the managed
 * preferences of one profile per domain, so which settings apply is not knowable), and the
 * onboarding blob (one tenant per Mac).
 */
final class InstalledPayloads {
  static final String CONTENT_FILTER = "com.apple.webcontent-filter";

  private InstalledPayloads() {}

  static List<Conclusion> conclusions(MacFacts facts) {
    List<Conclusion> out = new ArrayList<>();
    twice(facts, CONTENT_FILTER).ifPresent(seen -> out.add(new Conclusion("several-content-filters", true,
        seen.size() + " content-filter payloads are installed", seen,
        "Defender needs one content filter, its own (com.microsoft.wdav.netext); a second filter payload, from a"
            + " second copy of the network filter profile or another product, can stop network traffic.",
        List.of(), Optional.of("keep one network filter profile: remove the other profiles that hold a"
            + " com.apple.webcontent-filter payload (profiles show -type configuration lists them)"))));
    twice(facts, Defender.APP).ifPresent(seen -> out.add(new Conclusion("several-settings-profiles", true,
        seen.size() + " profiles give Defender's settings (" + Defender.APP + ")", seen,
        "macOS applies the managed preferences of one profile per domain, so which of these settings Defender"
            + " uses is not knowable: MDM uses only one of them.",
        List.of(), Optional.of("merge the settings into one profile and remove the others"))));
    twice(facts, Defender.ONBOARDING_DOMAIN).ifPresent(seen -> out.add(new Conclusion("several-onboarding-profiles",
        true, seen.size() + " onboarding payloads are installed (" + Defender.ONBOARDING_DOMAIN + ")", seen,
        "a Mac onboards to one tenant; with several onboarding payloads it is not knowable which one Defender"
            + " reads, and one may be another tenant's.",
        List.of(), Optional.of("keep the onboarding profile of your tenant only; check mdatp health --field"
            + " org_id against the tenant's ID"))));
    wrongApprovals(facts).ifPresent(out::add);
    return out;
  }

  /**
   * Defender approvals the validator finds wrong in installed profiles (a Team ID, a bundle ID, a
   * code requirement): the profile is there and does not work, so the fix replaces it.
   */
  private static Optional<Conclusion> wrongApprovals(MacFacts facts) {
    if (facts.wrongApprovals.isEmpty()) {
      return Optional.empty();
    }
    List<String> said = facts.wrongApprovals.stream().map(w -> w.profile() + " (" + w.type() + ") at "
        + w.finding().path() + ": " + w.finding().message()).distinct().toList();
    List<String> profiles = facts.wrongApprovals.stream().map(ProfilesXml.Wrong::type).distinct()
        .flatMap(type -> Catalog.entries().stream().filter(e -> e.inDefaultBundle() && !e.gathers()
            && Catalog.payloadTypes(e).contains(type)).map(CatalogEntry::name)).distinct().toList();
    List<String> ids = facts.wrongApprovals.stream().map(ProfilesXml.Wrong::profile).distinct().toList();
    return Optional.of(new Conclusion("installed-approval-wrong", true, "an installed profile approves Defender"
        + " wrongly (" + said.size() + (said.size() == 1 ? " finding)" : " findings)"),
        facts.wrongApprovals.stream().map(ProfilesXml.Wrong::evidence).toList(),
        "macOS applies the profile but its approval does not match Defender's code: " + String.join("; ", said) + ".",
        profiles, Optional.of("replace " + String.join(", ", ids) + " with the bundle's profile: take it out of"
            + " the MDM scope and deploy the fixed one (mde-profiles validate shows the same on the file)")));
  }

  /** The lines of every payload of {@code type}, when there are two or more. */
  private static Optional<List<Evidence>> twice(MacFacts facts, String type) {
    List<Evidence> seen = facts.installedPayloads.stream().filter(p -> p.value().equals(type))
        .map(MacFacts.Field::evidence).toList();
    return seen.size() >= 2 ? Optional.of(seen) : Optional.empty();
  }
}
