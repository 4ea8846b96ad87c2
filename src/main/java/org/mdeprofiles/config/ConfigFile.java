package org.mdeprofiles.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.io.SafeYaml;

/**
 * The YAML config file: organization, prefix, removal, macOS, selection, Defender's settings,
 * and one section per profile (display name, description, and that profile's own options).
 *
 * @param profiles the profiles the file selects (empty: the default bundle)
 * @param mdm the targets the file selects (empty: all)
 * @param onboarding the onboarding file it names, resolved against the config's folder
 * @param jamf the Jamf Pro options (section jamf)
 * @param intune the Intune options (section intune)
 */
public record ConfigFile(
    List<String> profiles, List<String> mdm, Optional<Path> onboarding, JamfOptions jamf, IntuneOptions intune) {
  private static final Set<String> TEXT_KEYS = Set.of("displayName", "description");
  private static final Map<String, Set<String>> SECTIONS = ordered(
      Map.entry("kext", Set.of("displayName", "description", "approval", "teamIdentifiers", "kernelExtensions")),
      Map.entry("sysext", Set.of("displayName", "description", "nonRemovable")),
      Map.entry("notifications", Set.of("displayName", "description", "alertType", "badges", "sounds",
          "notificationCenter", "lockScreen", "criticalAlerts")),
      Map.entry("autoupdate", Set.of("displayName", "description", "channel", "howToCheck")),
      Map.entry("fulldisk", TEXT_KEYS),
      Map.entry("accessibility", TEXT_KEYS),
      Map.entry("bluetooth", TEXT_KEYS),
      Map.entry("netfilter", TEXT_KEYS),
      Map.entry("background", TEXT_KEYS),
      Map.entry("combined", TEXT_KEYS),
      Map.entry("settingsProfile", TEXT_KEYS));
  private static final Set<String> TOP_KEYS = Set.of(
      "organization", "prefix", "removalDisallowed", "macos", "profiles", "mdm", "onboarding", "settings", "jamf",
      "intune");
  private static final Set<String> JAMF_KEYS =
      Set.of("category", "distributionMethod", "redeployOnUpdate", "computerGroups");

  @SafeVarargs
  private static Map<String, Set<String>> ordered(Map.Entry<String, Set<String>>... entries) {
    Map<String, Set<String>> map = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : entries) {
      map.put(e.getKey(), e.getValue());
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  public ConfigFile {
    profiles = List.copyOf(profiles);
    mdm = List.copyOf(mdm);
  }

  public static ConfigFile none() {
    return new ConfigFile(List.of(), List.of(), Optional.empty(), JamfOptions.DEFAULT, IntuneOptions.DEFAULT);
  }

  /** Reads {@code file} and applies its settings to {@code settings}. */
  public static ConfigFile load(Path file, SettingsBuilder settings) throws InputException {
    String name = file.toString();
    byte[] bytes = InputFiles.read(file);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InputException(name, "not valid UTF-8");
    }
    try {
      Object root = SafeYaml.load(text);
      if (root == null) {
        return none();
      }
      Map<String, Object> top = ConfigTree.map(root, "the top level");
      for (String key : top.keySet()) {
        if (!TOP_KEYS.contains(key) && !SECTIONS.containsKey(key)) {
          throw new IllegalArgumentException(key + ": unknown setting (known: "
              + String.join(", ", new java.util.TreeSet<>(union())) + ")");
        }
      }
      apply(top, settings);
      Optional<Path> onboarding = ConfigTree.string(top, "onboarding").map(p -> resolve(file, p));
      return new ConfigFile(
          ConfigTree.strings(top.get("profiles"), "profiles"), ConfigTree.strings(top.get("mdm"), "mdm"), onboarding,
          jamf(top), intune(top));
    } catch (IllegalArgumentException e) {
      throw new InputException(name, e.getMessage());
    }
  }

  private static JamfOptions jamf(Map<String, Object> top) {
    Optional<Map<String, Object>> section = ConfigTree.section(top, "jamf");
    if (section.isEmpty()) {
      return JamfOptions.DEFAULT;
    }
    Map<String, Object> jamf = section.get();
    ConfigTree.onlyKeys(jamf, JAMF_KEYS, "jamf.");
    JamfOptions d = JamfOptions.DEFAULT;
    return new JamfOptions(
        ConfigTree.string(jamf, "category"),
        ConfigTree.string(jamf, "distributionMethod").orElse(d.distributionMethod()),
        ConfigTree.string(jamf, "redeployOnUpdate").orElse(d.redeployOnUpdate()),
        ConfigTree.strings(jamf.get("computerGroups"), "jamf.computerGroups")).check(field -> "jamf." + field);
  }

  private static IntuneOptions intune(Map<String, Object> top) {
    Optional<Map<String, Object>> section = ConfigTree.section(top, "intune");
    if (section.isEmpty()) {
      return IntuneOptions.DEFAULT;
    }
    ConfigTree.onlyKeys(section.get(), Set.of("deploymentChannel"), "intune.");
    return new IntuneOptions(ConfigTree.string(section.get(), "deploymentChannel")
        .orElse(IntuneOptions.DEFAULT.deploymentChannel())).check("intune.deploymentChannel");
  }

  private static Path resolve(Path config, String path) {
    Path parent = config.toAbsolutePath().getParent();
    return parent == null ? Path.of(path) : parent.resolve(path);
  }

  private static Set<String> union() {
    Set<String> all = new java.util.HashSet<>(TOP_KEYS);
    all.addAll(SECTIONS.keySet());
    return all;
  }

  private static void apply(Map<String, Object> top, SettingsBuilder settings) {
    ConfigTree.string(top, "organization").ifPresent(v -> settings.organization("organization", v));
    ConfigTree.string(top, "prefix").ifPresent(v -> settings.prefix("prefix", v));
    ConfigTree.string(top, "macos").ifPresent(v -> settings.macos("macos", v));
    ConfigTree.bool(top, "removalDisallowed").ifPresent(settings::removalDisallowed);
    if (top.containsKey("settings")) {
      settings.defenderSettings(SettingsTree.dict(top.get("settings"), "settings"));
    }
    for (Map.Entry<String, Set<String>> section : SECTIONS.entrySet()) {
      Optional<Map<String, Object>> values = ConfigTree.section(top, section.getKey());
      if (values.isPresent()) {
        ConfigTree.onlyKeys(values.get(), section.getValue(), section.getKey() + ".");
        String profile = section.getKey().equals("settingsProfile") ? "settings" : section.getKey();
        applyText(profile, section.getKey(), values.get(), settings);
      }
    }
    ConfigTree.section(top, "kext").ifPresent(kext -> ConfigSections.kext(kext, settings));
    ConfigTree.section(top, "sysext").ifPresent(sysext ->
        ConfigTree.bool(sysext, "nonRemovable").ifPresent(settings::sysextNonRemovable));
    ConfigTree.section(top, "notifications").ifPresent(n -> ConfigSections.notifications(n, settings));
    ConfigTree.section(top, "autoupdate").ifPresent(a -> settings.autoUpdate("autoupdate",
        ConfigTree.string(a, "channel").orElse(settings.autoUpdate().channel()),
        ConfigTree.string(a, "howToCheck").orElse(settings.autoUpdate().howToCheck())));
  }

  private static void applyText(String profile, String section, Map<String, Object> values, SettingsBuilder settings) {
    ConfigTree.string(values, "displayName")
        .ifPresent(v -> settings.displayName(profile, section + ".displayName", v));
    ConfigTree.string(values, "description")
        .ifPresent(v -> settings.description(profile, section + ".description", v));
  }
}
