package org.mdeprofiles.config;

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
 * @param jamfServer where deploy finds Jamf Pro (section jamf: url, clientId, user)
 * @param intuneServer where deploy finds Intune (section intune: tenant, clientId)
 * @param signing what signs the bundle (section signing)
 */
public record ConfigFile(
    List<String> profiles, List<String> mdm, Optional<Path> onboarding, JamfOptions jamf, IntuneOptions intune,
    ServerOptions jamfServer, ServerOptions intuneServer, SigningConfig signing) {
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
      "organization", "prefix", "removalDisallowed", "macos", "newestMacos", "profiles", "mdm", "onboarding", "settings", "signing", "jamf",
      "intune");
  private static final Set<String> JAMF_KEYS =
      Set.of("category", "distributionMethod", "redeployOnUpdate", "computerGroups", "url", "clientId", "user");

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
    return new ConfigFile(List.of(), List.of(), Optional.empty(), JamfOptions.DEFAULT, IntuneOptions.DEFAULT,
        ServerOptions.NONE, ServerOptions.NONE, SigningConfig.NONE);
  }

  /** Reads {@code file} and applies its settings to {@code settings}. */
  public static ConfigFile load(Path file, SettingsBuilder settings) throws InputException {
    String name = file.toString();
    String text = InputFiles.text(InputFiles.read(file), name);
    try {
      Object loaded = SafeYaml.load(text);
      if (loaded == null) {
        return none();
      }
      ConfigTree top = ConfigTree.root(loaded);
      top.onlyKeys(union());
      apply(top, settings);
      Optional<Path> onboarding = top.string("onboarding").map(p -> resolve(file, p));
      return new ConfigFile(top.strings("profiles"), top.strings("mdm"), onboarding,
          top.section("jamf").map(ConfigSections::jamf).orElse(JamfOptions.DEFAULT),
          top.section("intune").map(ConfigSections::intune).orElse(IntuneOptions.DEFAULT),
          top.section("jamf").map(ServerOptions::of).orElse(ServerOptions.NONE),
          top.section("intune").map(ServerOptions::of).orElse(ServerOptions.NONE),
          top.section("signing").map(s -> SigningConfig.of(s, p -> resolve(file, p))).orElse(SigningConfig.NONE));
    } catch (IllegalArgumentException e) {
      throw new InputException(name, e.getMessage());
    }
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

  private static void apply(ConfigTree top, SettingsBuilder settings) {
    top.string("organization").ifPresent(v -> settings.organization("organization", v));
    top.string("prefix").ifPresent(v -> settings.prefix("prefix", v));
    top.string("macos").ifPresent(v -> settings.macos("macos", v));
    top.string("newestMacos").ifPresent(v -> settings.newestMacos("newestMacos", v));
    top.bool("removalDisallowed").ifPresent(settings::removalDisallowed);
    if (top.has("settings")) {
      settings.defenderSettings(SettingsTree.dict(top.raw("settings"), "settings"));
    }
    for (Map.Entry<String, Set<String>> section : SECTIONS.entrySet()) {
      Optional<ConfigTree> values = top.section(section.getKey());
      if (values.isPresent()) {
        values.get().onlyKeys(section.getValue());
        String profile = section.getKey().equals("settingsProfile") ? "settings" : section.getKey();
        values.get().string("displayName")
            .ifPresent(v -> settings.displayName(profile, values.get().where("displayName"), v));
        values.get().string("description")
            .ifPresent(v -> settings.description(profile, values.get().where("description"), v));
      }
    }
    top.section("jamf").ifPresent(jamf -> jamf.onlyKeys(JAMF_KEYS));
    top.section("intune").ifPresent(intune -> intune.onlyKeys(Set.of("deploymentChannel", "tenant", "clientId")));
    top.section("kext").ifPresent(kext -> ConfigSections.kext(kext, settings));
    top.section("sysext").ifPresent(sysext -> ConfigSections.sysext(sysext, settings));
    top.section("notifications").ifPresent(n -> ConfigSections.notifications(n, settings));
    top.section("autoupdate").ifPresent(a -> ConfigSections.autoUpdate(a, settings));
  }
}
