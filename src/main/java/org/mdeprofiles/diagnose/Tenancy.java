package org.mdeprofiles.diagnose;

import java.util.List;
import java.util.Optional;

/**
 * Whether the Mac may report to the tenant: an offboarding file or profile left on it. Microsoft's
 * license troubleshooting page for macOS: the offboarding script saves {@code
 * com.microsoft.wdav.atp.offboarding.plist} in {@code /Library/Application
 * Support/Microsoft/Defender/}, and while it exists the Mac cannot be onboarded again; MDMs
 * offboard with a profile of preference domain {@code com.microsoft.wdav.atp.offboarding}.
 */
final class Tenancy {
  static final String OFFBOARDING_FILE =
      "/Library/Application Support/Microsoft/Defender/com.microsoft.wdav.atp.offboarding.plist";

  private Tenancy() {}

  /**
   * The tenant the Mac reports to and the onboarding blobs it holds, against the organisation of
   * the config's onboarding file ({@code expected}, never printed: the file is a secret) or,
   * without one, the Mac's own {@code org_id}.
   */
  static List<Conclusion> otherTenant(MacFacts facts, Optional<String> expected) {
    List<Conclusion> out = new java.util.ArrayList<>();
    Optional<MacFacts.Field> org =
        facts
            .field("org_id")
            .filter(f -> !f.value().isBlank() && !f.value().equalsIgnoreCase("unavailable"));
    if (expected.isPresent()
        && org.isPresent()
        && !org.get().value().equalsIgnoreCase(expected.get())) {
      out.add(
          new Conclusion(
              "other-tenant",
              true,
              "this Mac reports to another organisation than the config's" + " onboarding file",
              List.of(org.get().evidence()),
              "org_id is "
                  + org.get().value()
                  + "; the onboarding file the config names is for another organisation (its ID is"
                  + " not shown: the file is a secret).",
              List.of(),
              Optional.of(
                  "if this Mac should move to your tenant: offboard it from the other one, remove"
                      + " that tenant's onboarding profile from its scope, then deploy your"
                      + " onboarding")));
    }
    Optional<String> reference = expected.isPresent() ? expected : org.map(MacFacts.Field::value);
    List<MacFacts.Field> others =
        facts.installedOnboardingOrgs.stream()
            .filter(f -> reference.isPresent() && !f.value().equalsIgnoreCase(reference.get()))
            .toList();
    if (!others.isEmpty()) {
      out.add(
          new Conclusion(
              "onboarding-other-tenant",
              true,
              "an installed onboarding payload is for another"
                  + " organisation: "
                  + String.join(
                      ", ", others.stream().map(MacFacts.Field::value).distinct().toList()),
              others.stream().map(MacFacts.Field::evidence).toList(),
              "the Mac holds onboarding for an organisation"
                  + " that is not "
                  + (expected.isPresent()
                      ? "the config's onboarding file's"
                      : "its org_id " + reference.get())
                  + "; a Mac onboards to one tenant, and which blob Defender reads is not"
                  + " knowable.",
              List.of(),
              Optional.of("remove the other tenant's onboarding profile from this Mac's scope")));
    }
    return out;
  }

  static Optional<Conclusion> offboarded(MacFacts facts) {
    if (facts.offboarding.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Conclusion(
            "offboarded",
            true,
            "Defender's offboarding file or profile is on this Mac",
            facts.offboarding,
            "an offboarding script or profile was applied; while "
                + OFFBOARDING_FILE
                + " (or an offboarding profile)"
                + " is there, Defender stays offboarded and onboarding it again does not take.",
            List.of(),
            Optional.of(
                "if this Mac should report to your tenant: take it out of the offboarding profile's"
                    + " scope in the MDM, remove the file (sudo rm '"
                    + OFFBOARDING_FILE
                    + "'), then deploy onboarding"
                    + " again")));
  }
}
