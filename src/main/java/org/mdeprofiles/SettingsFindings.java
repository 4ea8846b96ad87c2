package org.mdeprofiles;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.pack.FileFinding;
import org.mdeprofiles.validate.SettingsCheck;

/**
 * The config's {@code settings:} checked against Defender's spec before anything is built, each
 * finding at its place in the config ({@code settings.antivirusEngine...}), so the admin is sent
 * to the line to fix, not into a generated profile.
 */
final class SettingsFindings {
  static final String DOMAIN = "com.microsoft.wdav";

  private SettingsFindings() {}

  static List<Finding> check(GenerateSettings settings) {
    return SettingsCheck.check(DOMAIN, settings.defenderSettings(), org.mdeprofiles.Profiles.validationOptions(settings),
        PlistPath.root().key("settings"))
        .stream().map(SettingsFindings::yamlHint).toList();
  }

  /**
   * YAML reads unquoted yes, no, on and off as booleans, so {@code pasteToBrowserMode: off}
   * arrives as false: the message says to quote it.
   */
  private static Finding yamlHint(Finding f) {
    if (f.code().equals("key.type") && f.message().equals(org.mdeprofiles.finding.Messages.format("key.type",
        "string", "boolean"))) {
      return Finding.of(f.severity(), f.path(), "config.yaml-boolean");
    }
    return f;
  }

  /** The bundle's findings without those already said for the config (the same rule, the same words). */
  static Bundles.Result withoutRepeats(Bundles.Result result, List<Finding> said) {
    Set<String> seen = new HashSet<>();
    said.forEach(f -> seen.add(f.code() + '\n' + f.message()));
    List<FileFinding> rest = result.findings().stream()
        .filter(f -> !seen.contains(f.finding().code() + '\n' + f.finding().message())).toList();
    return new Bundles.Result(result.files(), rest);
  }
}
