package org.mdeprofiles.config;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.io.SafeYaml;

/**
 * The YAML config file: organization, prefix, removal, macOS, profile selection, and one
 * section per profile (display name, description, and that profile's own settings).
 *
 * @param profiles the profiles the file selects (empty: the default bundle)
 * @param mdm the targets the file selects (empty: all)
 */
public record ConfigFile(List<String> profiles, List<String> mdm) {
  private static final Set<String> TOP_KEYS =
      Set.of("organization", "prefix", "removalDisallowed", "macos", "profiles", "mdm", "kext");
  private static final Set<String> KEXT_KEYS =
      Set.of("displayName", "description", "approval", "teamIdentifiers", "kernelExtensions");

  public ConfigFile {
    profiles = List.copyOf(profiles);
    mdm = List.copyOf(mdm);
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
        return new ConfigFile(List.of(), List.of());
      }
      Map<String, Object> top = ConfigTree.map(root, "the top level");
      ConfigTree.onlyKeys(top, TOP_KEYS, "");
      apply(top, settings);
      return new ConfigFile(
          ConfigTree.strings(top.get("profiles"), "profiles"), ConfigTree.strings(top.get("mdm"), "mdm"));
    } catch (IllegalArgumentException e) {
      throw new InputException(name, e.getMessage());
    }
  }

  private static void apply(Map<String, Object> top, SettingsBuilder settings) {
    ConfigTree.string(top, "organization").ifPresent(v -> settings.organization("organization", v));
    ConfigTree.string(top, "prefix").ifPresent(v -> settings.prefix("prefix", v));
    ConfigTree.string(top, "macos").ifPresent(v -> settings.macos("macos", v));
    ConfigTree.bool(top, "removalDisallowed").ifPresent(settings::removalDisallowed);
    Optional<Map<String, Object>> kext = ConfigTree.section(top, "kext");
    if (kext.isPresent()) {
      applyKext(kext.get(), settings);
    }
  }

  private static void applyKext(Map<String, Object> kext, SettingsBuilder settings) {
    ConfigTree.onlyKeys(kext, KEXT_KEYS, "kext.");
    applyText("kext", kext, settings);
    ConfigTree.string(kext, "approval").ifPresent(v -> settings.kextApproval("kext.approval", v));
    List<String> teams = ConfigTree.strings(kext.get("teamIdentifiers"), "kext.teamIdentifiers");
    for (int i = 0; i < teams.size(); i++) {
      settings.addTeamId("kext.teamIdentifiers[" + i + "]", teams.get(i));
    }
    Optional<Map<String, Object>> bundles = ConfigTree.section(kext, "kernelExtensions");
    if (bundles.isPresent()) {
      for (Map.Entry<String, Object> e : bundles.get().entrySet()) {
        String where = "kext.kernelExtensions." + e.getKey();
        List<String> ids = ConfigTree.strings(e.getValue(), where);
        for (int i = 0; i < ids.size(); i++) {
          settings.addKernelExtension(where, e.getKey(), where + "[" + i + "]", ids.get(i));
        }
      }
    }
  }

  private static void applyText(String profile, Map<String, Object> section, SettingsBuilder settings) {
    ConfigTree.string(section, "displayName")
        .ifPresent(v -> settings.displayName(profile, profile + ".displayName", v));
    ConfigTree.string(section, "description")
        .ifPresent(v -> settings.description(profile, profile + ".description", v));
  }
}
