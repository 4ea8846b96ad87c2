package org.mdeprofiles.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the input says about one Mac: mdatp health fields (keys in snake_case, values without
 * quotes or {@code [managed]}), health issues, system extension states, kext rejections, installed
 * profiles, and every line that was understood as something else.
 */
final class MacFacts {
  /**
   * A field's value and the line it came from.
   *
   * @param managed whether mdatp marks the value as set by a managed profile ({@code [managed]} in
   *     text, {@code isManaged} in JSON); UNKNOWN where the form carries no marking (the legacy
   *     {@code mdatp --health} text, a bare JSON value)
   */
  record Field(String value, Evidence evidence, Managed managed) {
    Field(String value, Evidence evidence) {
      this(value, evidence, Managed.UNKNOWN);
    }
  }

  enum Managed { YES, NO, UNKNOWN }

  /** One line of mdatp connectivity test: the endpoint, and whether it answered ({@code [OK]}). */
  record Connection(String url, boolean ok, Evidence evidence) {}

  /** A system extension's state from systemextensionsctl, such as "activated waiting for user". */
  record ExtensionState(String state, Evidence evidence) {}

  final Map<String, Field> fields = new LinkedHashMap<>();
  final List<Field> healthIssues = new ArrayList<>();
  final Map<String, ExtensionState> extensions = new LinkedHashMap<>();
  final List<Evidence> kextRejections = new ArrayList<>();
  final List<Evidence> licenseBanners = new ArrayList<>();
  final Set<String> installedProfiles = new LinkedHashSet<>();
  /** Payload identifiers profiles show printed (they survive an MDM that replaces the top-level one). */
  final Set<String> installedPayloadIdentifiers = new LinkedHashSet<>();
  final Set<String> installedPayloadTypes = new LinkedHashSet<>();
  /** Each payload profiles show printed, by type, with its line: duplicates counted. */
  final List<Field> installedPayloads = new ArrayList<>();
  final List<Evidence> profileLines = new ArrayList<>();
  final List<Connection> connections = new ArrayList<>();
  /** Lines that show Defender's offboarding file or profile on the Mac. */
  final List<Evidence> offboarding = new ArrayList<>();
  /** The MDM privacy grants of MDMOverrides.plist, when the input holds it. */
  final List<TccOverrides.Grant> tccGrants = new ArrayList<>();
  boolean tccOverridesSeen;
  /** The organisation of each onboarding blob in installed profiles (profiles -P -o stdout-xml). */
  final List<Field> installedOnboardingOrgs = new ArrayList<>();
  /** Defender approvals in installed profiles (profiles -P -o stdout-xml) that the validator finds wrong. */
  final List<ProfilesXml.Wrong> wrongApprovals = new ArrayList<>();
  /** Lines recognised as mdatp fields that no rule knows: shown, never dropped. */
  final List<Field> unknownFields = new ArrayList<>();
  int recognised;

  Optional<Field> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  Optional<String> value(String key) {
    return field(key).map(Field::value);
  }

  boolean is(String key, String value) {
    return value(key).map(v -> v.equalsIgnoreCase(value)).orElse(false);
  }

  Optional<Field> healthIssue(String text) {
    return healthIssues.stream().filter(i -> i.value().equalsIgnoreCase(text)).findFirst();
  }
}
