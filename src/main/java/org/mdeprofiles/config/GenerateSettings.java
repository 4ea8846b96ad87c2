package org.mdeprofiles.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.plist.PlistValue;

/**
 * Everything that decides the content of the generated profiles; already checked.
 *
 * @param prefix the reverse-DNS prefix of every profile identifier
 * @param macos the oldest macOS of the fleet, when given
 * @param newestMacos the newest macOS of the fleet, when given (else: the newest the tool knows)
 * @param sysextNonRemovable add NonRemovableSystemExtensions (macOS 15 and later)
 * @param defenderSettings Defender's preferences (domain com.microsoft.wdav)
 * @param text display name and description overrides, by catalog profile name
 */
public record GenerateSettings(
    String organization,
    String prefix,
    boolean removalDisallowed,
    Optional<MacosVersion> macos,
    Optional<MacosVersion> newestMacos,
    KextSettings kext,
    boolean sysextNonRemovable,
    NotificationOptions notifications,
    AutoUpdateOptions autoUpdate,
    PlistValue.PlistDict defenderSettings,
    Map<String, ProfileText> text) {

  public static final String DEFAULT_ORGANIZATION = "Microsoft Defender for Endpoint";
  public static final String DEFAULT_PREFIX = "com.microsoft.wdav";

  /**
   * Defender's own defaults for its two basic switches, made explicit: real-time protection on and
   * cloud-delivered protection on. A config's settings section replaces them.
   */
  public static final PlistValue.PlistDict DEFAULT_DEFENDER_SETTINGS =
      PlistValue.PlistDict.of(
          "antivirusEngine", PlistValue.PlistDict.of("enforcementLevel", new PlistValue.PlistString("real_time")),
          "cloudService", PlistValue.PlistDict.of("enabled", new PlistValue.PlistBoolean(true)));

  public GenerateSettings {
    Objects.requireNonNull(organization, "organization == null");
    Objects.requireNonNull(prefix, "prefix == null");
    Objects.requireNonNull(macos, "macos == null");
    Objects.requireNonNull(newestMacos, "newestMacos == null");
    Objects.requireNonNull(kext, "kext == null");
    Objects.requireNonNull(notifications, "notifications == null");
    Objects.requireNonNull(autoUpdate, "autoUpdate == null");
    Objects.requireNonNull(defenderSettings, "defenderSettings == null");
    text = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(text));
  }

  public static GenerateSettings defaults() {
    return new GenerateSettings(
        DEFAULT_ORGANIZATION, DEFAULT_PREFIX, true, Optional.empty(), Optional.empty(), KextSettings.DEFAULT, false,
        NotificationOptions.DEFAULT, AutoUpdateOptions.DEFAULT, DEFAULT_DEFENDER_SETTINGS, Map.of());
  }

  public ProfileText textFor(String profileName) {
    return text.getOrDefault(profileName, ProfileText.DEFAULT);
  }
}
