package org.mdeprofiles.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.PlistDocument;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * Validates a configuration profile against the spec files: the top level, every payload's
 * common keys and its type's keys, then the rules that span payloads.
 */
public final class ProfileValidator {
  private static final ProfileValidator INSTANCE = new ProfileValidator();

  private final SpecRegistry specs = SpecRegistry.instance();

  /** The findings of reading a document and, when it has a root, of validating that root. */
  public static List<Finding> check(PlistDocument document, ValidationOptions options) {
    List<Finding> findings = new ArrayList<>(document.findings());
    document.root().ifPresent(root -> findings.addAll(INSTANCE.validate(root, options)));
    return findings;
  }

  /** Loads the spec files of these payload types ahead of use (start-up work off the main thread). */
  public static void preload(Iterable<String> payloadTypes) {
    SpecRegistry registry = SpecRegistry.instance();
    registry.require(SpecRegistry.TOP_LEVEL);
    registry.require(SpecRegistry.COMMON);
    for (String type : payloadTypes) {
      registry.find(type);
    }
  }

  /** All findings for the profile whose root value is {@code root}, in document order. */
  public List<Finding> validate(PlistValue root, ValidationOptions options) {
    List<Finding> findings = new ArrayList<>();
    if (!(root instanceof PlistDict top)) {
      findings.add(Finding.error(PlistPath.root(), "profile.root-type", root.typeName()));
      return findings;
    }
    if (top.get("PayloadType") == null && top.get("PayloadContent") == null && !top.entries().isEmpty()) {
      findings.add(Finding.info(PlistPath.root(), "profile.bare-preferences"));
      return findings;
    }
    List<PayloadSpec> deviceOnly = new ArrayList<>();
    Map<PlistPath, PlistDict> payloadDicts = new LinkedHashMap<>();
    KeyChecker checker =
        new KeyChecker(
            findings,
            options,
            (value, path) -> {
              if (value instanceof PlistDict dict) {
                payloadDicts.put(path, dict);
                checkPayload(dict, path, findings, options).ifPresent(deviceOnly::add);
              } else {
                findings.add(Finding.error(path, "key.type", "dict", ValueType.labelOf(value)));
              }
            });
    PayloadSpec topSpec = specs.require(SpecRegistry.TOP_LEVEL);
    checker.checkDict(top, topSpec.keys(), null, null, "the profile", PlistPath.root());
    checkUnique(top, payloadDicts, "PayloadUUID", "profile.duplicate-uuid", findings);
    checkUnique(top, payloadDicts, "PayloadIdentifier", "profile.duplicate-identifier", findings);
    if ("User".equals(top.string("PayloadScope"))) {
      for (PayloadSpec spec : deviceOnly) {
        findings.add(Finding.error(PlistPath.root().key("PayloadScope"), "profile.scope-user", spec.payloadType()));
      }
    }
    return findings;
  }

  /** Checks one payload; returns its spec when that payload is device-channel only. */
  private Optional<PayloadSpec> checkPayload(
      PlistDict dict, PlistPath path, List<Finding> findings, ValidationOptions options) {
    String type = dict.string("PayloadType");
    Optional<PayloadSpec> spec = type == null ? Optional.empty() : specs.find(type);
    Map<String, KeySpec> keys = new LinkedHashMap<>(specs.require(SpecRegistry.COMMON).keys());
    spec.ifPresent(s -> keys.putAll(s.keys()));
    KeyChecker checker = new KeyChecker(findings, options, (v, p) -> {});
    if (type != null && spec.isEmpty()) {
      findings.add(Finding.info(path.key("PayloadType"), "payload.no-rules", type));
    }
    spec.ifPresent(s -> checker.checkVersion(s.macos(), s.payloadType(), path));
    checker.checkDict(dict, keys, null, null, type == null ? "a payload" : type, path);
    spec.ifPresent(s -> checker.checkRules(dict, s.rules(), path));
    DefenderChecks.payload(dict, path, findings);
    return spec.filter(PayloadSpec::deviceChannelOnly);
  }

  private static void checkUnique(
      PlistDict top, Map<PlistPath, PlistDict> payloads, String key, String code, List<Finding> findings) {
    Map<String, PlistPath> seen = new HashMap<>();
    Map<PlistPath, PlistDict> all = new LinkedHashMap<>();
    all.put(PlistPath.root(), top);
    all.putAll(payloads);
    for (Map.Entry<PlistPath, PlistDict> e : all.entrySet()) {
      String value = e.getValue().string(key);
      if (value == null) {
        continue;
      }
      PlistPath at = e.getKey().key(key);
      PlistPath first = seen.putIfAbsent(key.equals("PayloadUUID") ? value.toUpperCase(java.util.Locale.ROOT) : value, at);
      if (first == null) {
        continue;
      }
      if (first.equals(PlistPath.root().key(key)) && key.equals("PayloadIdentifier")) {
        // macOS accepts it, but a payload then shares its identity with the whole profile.
        findings.add(Finding.warning(at, "profile.identifier-reused", value));
      } else {
        findings.add(Finding.error(at, code, value, first.toString()));
      }
    }
  }
}
