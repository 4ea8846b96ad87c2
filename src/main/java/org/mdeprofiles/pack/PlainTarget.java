package org.mdeprofiles.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mdeprofiles.cms.SigningIdentity;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.render.RenderException;

/** The MDM-neutral target: each profile as an unsigned {@code .mobileconfig} under {@code plain/}. */
public final class PlainTarget implements MdmTarget {
  public static final String NAME = "plain";

  PlainTarget() {}

  @Override
  public String name() {
    return NAME;
  }

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
  @Override
  public TargetOutput files(List<ProfileFile> profiles, BundleRequest request) throws RenderException {
    Optional<OnboardingFile> onboarding = request.onboarding();
    Optional<SigningIdentity> signing = request.signPlain() ? request.signing() : Optional.empty();
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
    return new TargetOutput(files, List.of());
  }
}
