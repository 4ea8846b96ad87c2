package org.mdeprofiles.pack;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mdeprofiles.cms.SigningIdentity;
import org.mdeprofiles.config.IntuneOptions;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.render.TemplateRenderer;

/**
 * What a bundle is made for: its targets (plain, jamf, intune), the onboarding file when there is
 * one, the MDM options, the templates, and the identity that signs what is signed.
 */
public record BundleRequest(
    List<String> targets,
    Optional<OnboardingFile> onboarding,
    JamfOptions jamf,
    IntuneOptions intune,
    TemplateRenderer renderer,
    Optional<SigningIdentity> signing,
    boolean signPlain) {
  /** Every target's name, in the order targets are written. */
  public static final List<String> ALL_TARGETS = MdmTarget.ALL.stream().map(MdmTarget::name).toList();

  /** A request that signs nothing. */
  public BundleRequest(List<String> targets, Optional<OnboardingFile> onboarding, JamfOptions jamf,
      IntuneOptions intune, TemplateRenderer renderer) {
    this(targets, onboarding, jamf, intune, renderer, Optional.empty(), false);
  }

  /**
   * The same request, signing with {@code identity} what an MDM would otherwise alter, and with
   * {@code plain} every profile of the plain folder too.
   */
  public BundleRequest signedBy(SigningIdentity identity, boolean plain) {
    return new BundleRequest(targets, onboarding, jamf, intune, renderer, Optional.of(identity), plain);
  }

  public BundleRequest {
    targets = List.copyOf(targets);
    Objects.requireNonNull(onboarding, "onboarding == null");
    Objects.requireNonNull(jamf, "jamf == null");
    Objects.requireNonNull(intune, "intune == null");
    Objects.requireNonNull(renderer, "renderer == null");
    Objects.requireNonNull(signing, "signing == null");
  }
}
