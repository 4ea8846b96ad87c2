package org.mdeprofiles.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Mac against a generated bundle (diagnose --bundle): which of its profiles it lacks. */
final class BundleComparison {
  private BundleComparison() {}

  /**
   * The bundle's profiles the Mac does not have: neither its identifier nor any of its payloads'
   * (Jamf replaces the top-level identifier on upload, so payloads are what is compared there).
   * Said only when the input lists the Mac's profiles.
   */
  static List<Conclusion> missing(MacFacts facts, String bundle, List<Diagnoser.Expected> expected, Era era) {
    List<Conclusion> out = new ArrayList<>();
    if (expected.isEmpty()) {
      return out;
    }
    if (facts.profileLines.isEmpty()) {
      out.add(new Conclusion("bundle-not-compared", false, "the bundle's profiles cannot be compared",
          List.of(), "the input lists no installed profiles; add the output of profiles show -type configuration"
              + " (run as root).", List.of(), Optional.empty()));
      return out;
    }
    for (Diagnoser.Expected e : expected) {
      // A legacy profile (the kernel extension's) is for Macs that run it only.
      boolean legacy = org.mdeprofiles.catalog.Catalog.find(e.name()).map(c -> c.legacy()).orElse(false);
      if (legacy && era != Era.KERNEL_EXTENSION) {
        continue;
      }
      boolean installed = facts.installedProfiles.contains(e.identifier())
          || e.payloadIdentifiers().stream().anyMatch(facts.installedPayloadIdentifiers::contains);
      if (!installed) {
        out.add(new Conclusion("bundle-profile-missing", true, "the bundle's " + e.name() + " profile is not"
            + " installed", facts.profileLines, "the bundle in " + bundle + " has " + e.identifier() + ", but the"
            + " Mac lists neither it nor its payloads.", List.of(),
            Optional.of("deploy it to this Mac (its scope in the MDM, or mde-profiles deploy), then check again")));
      }
    }
    return out;
  }
}
