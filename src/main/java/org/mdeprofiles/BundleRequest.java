package org.mdeprofiles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    TemplateRenderer renderer) {
  public static final List<String> ALL_TARGETS = List.of("jamf", "intune", "plain");

  public BundleRequest {
    targets = List.copyOf(targets);
    Objects.requireNonNull(onboarding, "onboarding == null");
    Objects.requireNonNull(jamf, "jamf == null");
    Objects.requireNonNull(intune, "intune == null");
    Objects.requireNonNull(renderer, "renderer == null");
  }
}
