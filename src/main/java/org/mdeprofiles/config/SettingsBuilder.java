package org.mdeprofiles.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.model.MacosVersion;

/**
 * Collects settings from a config file and then from flags (later values win), checking each as
 * it arrives; {@code where} names the option or config key for the error message.
 */
public final class SettingsBuilder {
  private String organization = GenerateSettings.DEFAULT_ORGANIZATION;
  private String prefix = GenerateSettings.DEFAULT_PREFIX;
  private boolean removalDisallowed = true;
  private Optional<MacosVersion> macos = Optional.empty();
  private Optional<MacosVersion> newestMacos = Optional.empty();
  private KextApproval approval = KextApproval.BOTH;
  private final List<String> teamIds = new ArrayList<>();
  private final Map<String, List<String>> kernelExtensions = new LinkedHashMap<>();
  private boolean sysextNonRemovable;
  private NotificationOptions notifications = NotificationOptions.DEFAULT;
  private AutoUpdateOptions autoUpdate = AutoUpdateOptions.DEFAULT;
  private org.mdeprofiles.plist.PlistValue.PlistDict defenderSettings = GenerateSettings.DEFAULT_DEFENDER_SETTINGS;
  private final Map<String, Optional<String>> displayNames = new LinkedHashMap<>();
  private final Map<String, Optional<String>> descriptions = new LinkedHashMap<>();

  public SettingsBuilder organization(String where, String value) {
    organization = Values.nonBlank(where, value);
    return this;
  }

  public SettingsBuilder prefix(String where, String value) {
    prefix = Values.prefix(where, value);
    return this;
  }

  public SettingsBuilder removalDisallowed(boolean value) {
    removalDisallowed = value;
    return this;
  }

  public SettingsBuilder macos(String where, String value) {
    macos = Optional.of(version(where, value));
    return this;
  }

  /** The newest macOS of the fleet. */
  public SettingsBuilder newestMacos(String where, String value) {
    newestMacos = Optional.of(version(where, value));
    return this;
  }

  private static MacosVersion version(String where, String value) {
    try {
      return MacosVersion.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  public SettingsBuilder kextApproval(String where, String value) {
    try {
      approval = KextApproval.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    return this;
  }

  public SettingsBuilder addTeamId(String where, String teamId) {
    teamIds.add(Values.teamId(where, teamId));
    return this;
  }

  public SettingsBuilder addKernelExtension(String teamWhere, String teamId, String where, String bundleId) {
    Values.teamId(teamWhere, teamId);
    kernelExtensions.computeIfAbsent(teamId, t -> new ArrayList<>()).add(Values.bundleId(where, bundleId));
    return this;
  }

  public SettingsBuilder displayName(String profile, String where, String value) {
    displayNames.put(profile, Optional.of(Values.nonBlank(where, value)));
    return this;
  }

  public SettingsBuilder description(String profile, String where, String value) {
    descriptions.put(profile, Optional.of(Values.text(where, value)));
    return this;
  }

  public SettingsBuilder sysextNonRemovable(boolean value) {
    sysextNonRemovable = value;
    return this;
  }

  public SettingsBuilder notifications(NotificationOptions value) {
    notifications = value;
    return this;
  }

  public SettingsBuilder autoUpdate(String where, String channel, String howToCheck) {
    if (!AutoUpdateOptions.CHANNELS.contains(channel)) {
      throw new IllegalArgumentException(where + ".channel: '" + channel + "' is not one of "
          + String.join(", ", AutoUpdateOptions.CHANNELS));
    }
    if (!AutoUpdateOptions.CHECK_MODES.contains(howToCheck)) {
      throw new IllegalArgumentException(where + ".howToCheck: '" + howToCheck + "' is not one of "
          + String.join(", ", AutoUpdateOptions.CHECK_MODES));
    }
    autoUpdate = new AutoUpdateOptions(channel, howToCheck);
    return this;
  }

  public AutoUpdateOptions autoUpdate() {
    return autoUpdate;
  }

  public SettingsBuilder defenderSettings(org.mdeprofiles.plist.PlistValue.PlistDict value) {
    defenderSettings = value;
    return this;
  }

  public GenerateSettings build() {
    Map<String, ProfileText> text = new LinkedHashMap<>();
    for (String profile : union(displayNames.keySet(), descriptions.keySet())) {
      text.put(
          profile,
          new ProfileText(
              displayNames.getOrDefault(profile, Optional.empty()),
              descriptions.getOrDefault(profile, Optional.empty())));
    }
    return new GenerateSettings(
        organization,
        prefix,
        removalDisallowed,
        macos,
        newestMacos,
        new KextSettings(approval, teamIds, kernelExtensions),
        sysextNonRemovable,
        notifications,
        autoUpdate,
        defenderSettings,
        text);
  }

  private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    List<String> out = new ArrayList<>(a);
    b.stream().filter(x -> !a.contains(x)).forEach(out::add);
    return out;
  }
}
