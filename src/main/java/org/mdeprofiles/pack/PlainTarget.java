package org.mdeprofiles.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mdeprofiles.cms.SigningIdentity;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.render.RenderException;

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

  /**
   * The plain folder: each profile as is, or, with {@code signing}, signed (the onboarding file
   * stays as Microsoft made it).
   */
  public static List<BundleFile> files(List<ProfileFile> profiles, Optional<OnboardingFile> onboarding,
      Optional<SigningIdentity> signing) throws RenderException {
    List<BundleFile> files = new ArrayList<>();
    for (ProfileFile p : profiles) {
      files.add(
          new BundleFile(
              NAME + "/" + p.fileName(),
              signing.isPresent() ? SignedFiles.sign(p, signing.get()) : p.bytes(),
              NAME,
              signing.isPresent()
                  ? "signed: install as it is with any MDM that takes a signed custom profile"
                  : "install with any MDM that accepts a custom configuration profile",
              Optional.of(p)));
    }
    onboarding.ifPresent(o -> files.add(new BundleFile(
        NAME + "/" + onboardingName(o), o.bytes(), NAME,
        "onboarding (a secret: tenant credentials); deploy it last, after the approval profiles",
        Optional.empty(), true)));
    return files;
  }
}
