package org.mdeprofiles.diagnose;

import java.util.List;
import java.util.Optional;

/**
 * Whether the Mac may report to the tenant: an offboarding file or profile left on it. Microsoft's
 * license troubleshooting page for macOS: the offboarding script saves
 * {@code com.microsoft.wdav.atp.offboarding.plist} in {@code /Library/Application Support/Microsoft/Defender/},
 * and while it exists the Mac cannot be onboarded again; MDMs offboard with a profile of preference
 * domain {@code com.microsoft.wdav.atp.offboarding}.
 */
final class Tenancy {
  static final String OFFBOARDING_FILE =
      "/Library/Application Support/Microsoft/Defender/com.microsoft.wdav.atp.offboarding.plist";

  private Tenancy() {}

  static Optional<Conclusion> offboarded(MacFacts facts) {
    if (facts.offboarding.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Conclusion("offboarded", true, "Defender's offboarding file or profile is on this Mac",
        facts.offboarding,
        "an offboarding script or profile was applied; while " + OFFBOARDING_FILE + " (or an offboarding profile)"
            + " is there, Defender stays offboarded and onboarding it again does not take.",
        List.of(), Optional.of("if this Mac should report to your tenant: take it out of the offboarding profile's"
            + " scope in the MDM, remove the file (sudo rm '" + OFFBOARDING_FILE + "'), then deploy onboarding"
            + " again")));
  }
}
