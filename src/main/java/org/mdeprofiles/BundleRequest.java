package org.mdeprofiles;

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
 * one, the MDM options and the templates.
 */
public record BundleRequest(
    List<String> targets,
    Optional<OnboardingFile> onboarding,
    JamfOptions jamf,
    IntuneOptions intune,
    TemplateRenderer renderer,
    Optional<SigningIdentity> signing) {
  public static final List<String> ALL_TARGETS = List.of("jamf", "intune", "plain");

  /** A request that signs nothing. */
  public BundleRequest(List<String> targets, Optional<OnboardingFile> onboarding, JamfOptions jamf,
      IntuneOptions intune, TemplateRenderer renderer) {
    this(targets, onboarding, jamf, intune, renderer, Optional.empty());
  }

  /** The same request, signing with {@code identity} what an MDM would otherwise alter. */
  public BundleRequest signedBy(SigningIdentity identity) {
    return new BundleRequest(targets, onboarding, jamf, intune, renderer, Optional.of(identity));
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
