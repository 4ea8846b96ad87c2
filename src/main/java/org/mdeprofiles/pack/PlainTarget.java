package org.mdeprofiles.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mdeprofiles.config.OnboardingFile;

/** The MDM-neutral target: each profile as an unsigned {@code .mobileconfig} under {@code plain/}. */
public final class PlainTarget {
  public static final String NAME = "plain";

  private PlainTarget() {}

  /** The name the onboarding file gets in a bundle folder, by its form. */
  public static String onboardingName(OnboardingFile onboarding) {
    return onboarding.form() == OnboardingFile.Form.PROFILE
        ? "onboarding.mobileconfig"
        : OnboardingFile.DOMAIN + ".plist";
  }

  public static List<BundleFile> files(List<ProfileFile> profiles, Optional<OnboardingFile> onboarding) {
    List<BundleFile> files = new ArrayList<>();
    for (ProfileFile p : profiles) {
      files.add(
          new BundleFile(
              NAME + "/" + p.fileName(),
              p.bytes(),
              NAME,
              "install with any MDM that accepts a custom configuration profile",
              Optional.of(p)));
    }
    onboarding.ifPresent(o -> files.add(new BundleFile(
        NAME + "/" + onboardingName(o), o.bytes(), NAME,
        "onboarding (a secret: tenant credentials); deploy it last, after the approval profiles",
        Optional.empty(), true)));
    return files;
  }
}
