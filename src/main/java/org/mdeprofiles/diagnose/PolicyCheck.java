package org.mdeprofiles.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.catalog.Defender;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * The Mac against the settings the bundle gives (diagnose --config): each mdatp health field a
 * setting decides should carry mdatp's managed marking ({@code [managed]}, {@code isManaged}: the
 * value came from a managed profile, as Microsoft's pages show it), and tamper protection should
 * run at the level the settings set.
 */
final class PolicyCheck {
  /** Each health field and the settings (paths in domain com.microsoft.wdav) that decide it. */
  private static final Map<String, List<String>> DECIDED_BY = new LinkedHashMap<>();

  static {
    DECIDED_BY.put(
        "real_time_protection_enabled",
        List.of("antivirusEngine.enforcementLevel", "antivirusEngine.enableRealTimeProtection"));
    DECIDED_BY.put(
        "passive_mode_enabled",
        List.of("antivirusEngine.enforcementLevel", "antivirusEngine.passiveMode"));
    DECIDED_BY.put("cloud_enabled", List.of("cloudService.enabled"));
    DECIDED_BY.put("cloud_diagnostic_enabled", List.of("cloudService.diagnosticLevel"));
    DECIDED_BY.put(
        "cloud_automatic_sample_submission_consent",
        List.of("cloudService.automaticSampleSubmissionConsent"));
    DECIDED_BY.put(
        "automatic_definition_update_enabled",
        List.of("cloudService.automaticDefinitionUpdateEnabled"));
    DECIDED_BY.put("tamper_protection", List.of("tamperProtection.enforcementLevel"));
    DECIDED_BY.put(
        "network_protection_enforcement_level", List.of("networkProtection.enforcementLevel"));
    DECIDED_BY.put("behavior_monitoring", List.of("features.behaviorMonitoring"));
    DECIDED_BY.put("edr_device_tags", List.of("edr.tags"));
    DECIDED_BY.put("edr_group_ids", List.of("edr.groupIds"));
  }

  private PolicyCheck() {}

  static List<Conclusion> conclusions(MacFacts facts, Optional<PlistDict> policy) {
    List<Conclusion> out = new ArrayList<>();
    // Settings management by MDE replaces the profile's settings: the managed-by-mde note says so.
    if (policy.isEmpty() || facts.is("managed_by", "MDE")) {
      return out;
    }
    List<Evidence> unmanaged = new ArrayList<>();
    List<String> settings = new ArrayList<>();
    DECIDED_BY.forEach(
        (field, paths) ->
            facts
                .field(field)
                .filter(f -> f.managed() == MacFacts.Managed.NO)
                .ifPresent(
                    f ->
                        paths.stream()
                            .filter(p -> at(policy.get(), p).isPresent())
                            .findFirst()
                            .ifPresent(
                                p -> {
                                  unmanaged.add(f.evidence());
                                  settings.add(p);
                                })));
    // Some values managed and these not: a settings profile is read, but not one with these keys.
    boolean someManaged =
        DECIDED_BY.keySet().stream()
            .anyMatch(
                field ->
                    facts.field(field).map(f -> f.managed() == MacFacts.Managed.YES).orElse(false));
    if (!unmanaged.isEmpty()) {
      out.add(
          new Conclusion(
              "setting-not-managed",
              true,
              "Defender does not take "
                  + unmanaged.size()
                  + (unmanaged.size() == 1 ? " setting" : " settings")
                  + " from the settings profile",
              unmanaged,
              "the config's settings set "
                  + String.join(", ", settings)
                  + ", but mdatp shows these values without"
                  + " [managed]: "
                  + (someManaged
                      ? "Defender reads a settings profile, but not one with these keys: the"
                            + " installed one is an older version, or another profile of domain "
                          + Defender.APP
                          + " is the one macOS applies."
                      : "Defender has not read the settings profile. It is not installed, its"
                            + " preference domain is not "
                          + Defender.APP
                          + ", or another profile of that domain is the one macOS applies."),
              List.of("settings"),
              Optional.of(
                  "check that sudo profiles show -type configuration lists the settings"
                      + " profile once, then run mdatp health again")));
    }
    Optional<String> level =
        at(policy.get(), "tamperProtection.enforcementLevel").map(PolicyCheck::text);
    facts
        .field("tamper_protection")
        .filter(
            f ->
                level.isPresent()
                    && !FieldRules.plain(f.value()).equals(FieldRules.plain(level.get())))
        .ifPresent(
            f ->
                out.add(
                    new Conclusion(
                        "tamper-protection-not-at-policy",
                        true,
                        "tamper protection runs at "
                            + f.value()
                            + ", the settings say "
                            + level.get(),
                        List.of(f.evidence()),
                        "the settings profile sets tamperProtection.enforcementLevel "
                            + level.get()
                            + ", but Defender runs another level: it has not read the profile, or"
                            + " the level was changed on the Mac.",
                        List.of("settings"),
                        Optional.of(
                            "check that the settings profile is installed, then mdatp health"
                                + " --field tamper_protection"))));
    return out;
  }

  /** The value at a dotted path of {@code dict}. */
  private static Optional<PlistValue> at(PlistDict dict, String path) {
    PlistValue value = dict;
    for (String key : path.split("\\.")) {
      if (!(value instanceof PlistDict d) || d.get(key) == null) {
        return Optional.empty();
      }
      value = d.get(key);
    }
    return Optional.of(value);
  }

  private static String text(PlistValue value) {
    return value instanceof PlistValue.PlistString s ? s.value() : value.toString();
  }
}
