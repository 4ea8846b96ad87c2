package org.mdeprofiles.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mdeprofiles.model.MacosVersion;

/**
 * Everything that decides the content of the generated profiles; already checked.
 *
 * @param prefix the reverse-DNS prefix of every profile identifier
 * @param macos the oldest macOS of the fleet, when given
 * @param text display name and description overrides, by catalog profile name
 */
public record GenerateSettings(
    String organization,
    String prefix,
    boolean removalDisallowed,
    Optional<MacosVersion> macos,
    KextSettings kext,
    Map<String, ProfileText> text) {

  public static final String DEFAULT_ORGANIZATION = "Microsoft Defender for Endpoint";
  public static final String DEFAULT_PREFIX = "com.microsoft.wdav";

  public GenerateSettings {
    Objects.requireNonNull(organization, "organization == null");
    Objects.requireNonNull(prefix, "prefix == null");
    Objects.requireNonNull(macos, "macos == null");
    Objects.requireNonNull(kext, "kext == null");
    text = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(text));
  }

  public static GenerateSettings defaults() {
    return new GenerateSettings(
        DEFAULT_ORGANIZATION, DEFAULT_PREFIX, true, Optional.empty(), KextSettings.DEFAULT, Map.of());
  }

  public ProfileText textFor(String profileName) {
    return text.getOrDefault(profileName, ProfileText.DEFAULT);
  }
}
