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
  /** The section of the settings profile: {@code settings} itself holds Defender's settings. */
  static final String SETTINGS_PROFILE_SECTION = "settingsProfile";
  private static final Set<String> TOP_KEYS = Set.of(
      "organization", "prefix", "removalDisallowed", "macos", "newestMacos", "profiles", "mdm", "onboarding", "settings", "signing", "jamf",
      "intune");
  private static final Set<String> JAMF_KEYS =
      Set.of("category", "distributionMethod", "redeployOnUpdate", "computerGroups", "url", "clientId", "user");

  public ConfigFile {
    profiles = List.copyOf(profiles);
    mdm = List.copyOf(mdm);
  }

  public static ConfigFile none() {
    return new ConfigFile(List.of(), List.of(), Optional.empty(), JamfOptions.DEFAULT, IntuneOptions.DEFAULT,
        ServerOptions.NONE, ServerOptions.NONE, SigningConfig.NONE);
  }

  /**
   * Reads {@code file} and applies its settings to {@code settings}; it may have a section for each
   * of {@code profiles} (the catalog's names), with that profile's texts and own options.
   */
  public static ConfigFile load(Path file, SettingsBuilder settings, List<String> profiles) throws InputException {
    String name = file.toString();
    String text = InputFiles.text(InputFiles.read(file), name);
    try {
      Object loaded = SafeYaml.load(text);
      if (loaded == null) {
        return none();
      }
      ConfigTree top = ConfigTree.root(loaded);
      Map<String, Set<String>> sections = sections(profiles);
      top.onlyKeys(union(sections.keySet()));
      apply(top, settings, sections);
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

  /**
   * The config section of catalog profile {@code profile}: its name, but {@code settingsProfile}
   * for the settings profile, since {@code settings} holds Defender's settings themselves.
   */
  public static String sectionOf(String profile) {
    return profile.equals("settings") ? SETTINGS_PROFILE_SECTION : profile;
  }

  /** Each profile's section and its keys: the texts, and the options the profile has. */
  private static Map<String, Set<String>> sections(List<String> profiles) {
    Map<String, Set<String>> sections = new java.util.LinkedHashMap<>();
    for (String profile : profiles) {
      Set<String> keys = new java.util.HashSet<>(TEXT_KEYS);
      keys.addAll(ConfigSections.OPTIONS.getOrDefault(profile, Set.of()));
      sections.put(sectionOf(profile), keys);
    }
    return sections;
  }

  private static Set<String> union(Set<String> sections) {
    Set<String> all = new java.util.HashSet<>(TOP_KEYS);
    all.addAll(sections);
    return all;
  }

  private static void apply(ConfigTree top, SettingsBuilder settings, Map<String, Set<String>> sections) {
    top.string("organization").ifPresent(v -> settings.organization("organization", v));
    top.string("prefix").ifPresent(v -> settings.prefix("prefix", v));
    top.string("macos").ifPresent(v -> settings.macos("macos", v));
    top.string("newestMacos").ifPresent(v -> settings.newestMacos("newestMacos", v));
    top.bool("removalDisallowed").ifPresent(settings::removalDisallowed);
    if (top.has("settings")) {
      settings.defenderSettings(SettingsTree.dict(top.raw("settings"), "settings"));
    }
    for (Map.Entry<String, Set<String>> section : sections.entrySet()) {
      Optional<ConfigTree> values = top.section(section.getKey());
      if (values.isPresent()) {
        values.get().onlyKeys(section.getValue());
        String profile = section.getKey().equals(SETTINGS_PROFILE_SECTION) ? "settings" : section.getKey();
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
