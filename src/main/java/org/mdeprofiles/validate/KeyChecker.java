package org.mdeprofiles.validate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistBoolean;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistInteger;
import org.mdeprofiles.plist.PlistValue.PlistReal;
import org.mdeprofiles.plist.PlistValue.PlistString;
import org.mdeprofiles.text.DidYouMean;

/** The generic engine: checks a value against a {@link KeySpec}, recursively. */
final class KeyChecker {
  /** Called for values whose spec marks them as payload dictionaries. */
  interface PayloadHandler {
    void payload(PlistValue value, PlistPath path);
  }

  private final List<Finding> findings;
  private final Optional<MacosVersion> macos;
  private final Optional<MacosVersion> newest;
  private final PayloadHandler payloads;

  KeyChecker(List<Finding> findings, ValidationOptions options, PayloadHandler payloads) {
    this.findings = findings;
    this.macos = options.macos();
    this.newest = options.newest();
    this.payloads = payloads;
  }

  /** Checks a dictionary's keys against named specs and, for other names, {@code anyKey}. */
  void checkDict(
      PlistDict dict, Map<String, KeySpec> keys, KeySpec anyKey, KeySpec owner, String context, PlistPath path) {
    for (KeySpec spec : keys.values()) {
      if (spec.required() && dict.get(spec.name()) == null) {
        findings.add(Finding.error(path.key(spec.name()), "key.missing", spec.name()));
      }
    }
    for (Map.Entry<String, PlistValue> e : dict.entries().entrySet()) {
      PlistPath at = path.key(e.getKey());
      KeySpec spec = keys.get(e.getKey());
      if (spec == null && anyKey != null) {
        spec = anyKey;
        if (owner != null && owner.keyFormat() != null && !owner.keyFormat().matches(e.getKey())) {
          findings.add(Finding.error(at, "key.name-format", e.getKey(), owner.keyFormat().name()));
        }
      }
      if (spec == null) {
        unknown(e.getKey(), keys, context, at);
      } else {
        checkValue(e.getValue(), spec, e.getKey(), at);
      }
    }
  }

  /**
   * A key the spec does not name: the payload's reader skips it without a word, so a near miss
   * of a known key is an error naming that key, anything else a warning.
   */
  private void unknown(String key, Map<String, KeySpec> keys, String context, PlistPath at) {
    Optional<String> meant = DidYouMean.nearest(key, keys.keySet());
    if (meant.isPresent()) {
      findings.add(Finding.error(at, "key.misspelled", key, context, meant.get()));
    } else {
      findings.add(Finding.warning(at, "key.unknown", key, context));
    }
  }

  void checkValue(PlistValue value, KeySpec spec, String name, PlistPath path) {
    if (spec.forbidden() != null) {
      findings.add(Finding.error(path, "key.forbidden", name, spec.forbidden()));
      return;
    }
    checkVersion(spec.macos(), name, path);
    if (spec.deprecatedBy() != null) {
      findings.add(Finding.warning(path, "key.vendor-deprecated", name, spec.deprecatedBy()));
    }
    if (!spec.type().accepts(value)) {
      findings.add(Finding.error(path, "key.type", spec.type().label(), ValueType.labelOf(value)));
      return;
    }
    if (!spec.values().isEmpty() && !allowed(value, spec.values()) && spec.because() != null) {
      findings.add(Finding.error(path, "key.restricted", display(value), spec.because()));
    } else if (!spec.values().isEmpty() && !allowed(value, spec.values())) {
      List<String> allowed = spec.values().stream().map(String::valueOf).toList();
      String hint = value instanceof PlistString s ? DidYouMean.hint(s.value(), allowed) : "";
      findings.add(Finding.error(path, "key.value", display(value), String.join(", ", allowed), hint));
    }
    if (value instanceof PlistString s && spec.deprecatedValues().containsKey(s.value())) {
      findings.add(Finding.warning(path, "key.deprecated-value", s.value(), spec.deprecatedValues().get(s.value())));
    }
    if (spec.format() != null && value instanceof PlistString s) {
      if (!spec.format().matches(s.value())) {
        findings.add(Finding.error(path, "key.format", s.value(), spec.format().name()));
      } else if (spec.format().name().startsWith("bundle-id")) {
        DefenderChecks.bundleId(s.value(), path, findings);
      }
    }
    boolean bounded = spec.min() != null || spec.max() != null;
    if (bounded && value instanceof PlistInteger i) {
      checkRange(new BigDecimal(i.value()), i.value().toString(), spec, path);
    } else if (bounded && value instanceof PlistReal r && Double.isFinite(r.value())) {
      checkRange(BigDecimal.valueOf(r.value()), String.valueOf(r.value()), spec, path);
    }
    if (spec.payload()) {
      payloads.payload(value, path);
    } else if (value instanceof PlistArray array) {
      checkArray(array, spec, path);
    } else if (value instanceof PlistDict dict && (!spec.keys().isEmpty() || spec.anyKey() != null)) {
      checkDict(dict, spec.keys(), spec.anyKey(), spec, name, path);
    }
    if (value instanceof PlistDict dict) {
      checkRules(dict, spec.rules(), path);
    }
  }

  void checkRules(PlistDict dict, List<DictRule> rules, PlistPath path) {
    for (DictRule rule : rules) {
      rule.check(dict, path, findings);
    }
  }

  void checkVersion(MacosSupport support, String name, PlistPath path) {
    if (support.unavailable()) {
      findings.add(Finding.warning(path, "key.unavailable", name));
      return;
    }
    String instead = support.instead() == null ? "" : "; Apple names in its place " + support.instead();
    if (macos.isPresent()) {
      MacosVersion fleet = macos.get();
      if (support.introduced() != null && fleet.isBefore(support.introduced())) {
        findings.add(Finding.warning(path, "key.introduced", name, support.introduced(), fleet));
      }
      if (support.removed() != null && !fleet.isBefore(support.removed())) {
        findings.add(Finding.warning(path, "key.removed", name, support.removed(), instead));
        return;
      } else if (support.deprecated() != null && !fleet.isBefore(support.deprecated())) {
        findings.add(Finding.warning(path, "key.deprecated", name, support.deprecated(), instead));
        return;
      }
    }
    // Only part of the fleet: its newer Macs.
    if (newest.isPresent() && support.removed() != null && !newest.get().isBefore(support.removed())) {
      findings.add(Finding.warning(path, "key.removed-in-fleet", name, support.removed(), newest.get(), instead));
    } else if (newest.isPresent() && support.deprecated() != null && !newest.get().isBefore(support.deprecated())) {
      findings.add(Finding.info(path, "key.deprecated-in-fleet", name, support.deprecated(), newest.get(), instead));
    }
  }

  private void checkArray(PlistArray array, KeySpec spec, PlistPath path) {
    int n = array.items().size();
    if (spec.minItems() != null && n < spec.minItems()) {
      findings.add(Finding.error(path, "key.count", String.valueOf(n), "at least " + spec.minItems()));
    }
    if (spec.maxItems() != null && n > spec.maxItems()) {
      findings.add(Finding.error(path, "key.count", String.valueOf(n), "at most " + spec.maxItems()));
    }
    if (spec.items() != null) {
      for (int i = 0; i < n; i++) {
        checkValue(array.items().get(i), spec.items(), spec.name(), path.index(i));
      }
    }
  }

  private void checkRange(BigDecimal value, String shown, KeySpec spec, PlistPath path) {
    boolean low = spec.min() != null && value.compareTo(BigDecimal.valueOf(spec.min())) < 0;
    boolean high = spec.max() != null && value.compareTo(BigDecimal.valueOf(spec.max())) > 0;
    if (low || high) {
      findings.add(Finding.error(path, "key.range", shown,
          spec.min() == null ? "-" : spec.min().toString(), spec.max() == null ? "-" : spec.max().toString()));
    }
  }

  private static boolean allowed(PlistValue value, List<Object> values) {
    for (Object v : values) {
      if (value instanceof PlistString s && v instanceof String t && s.value().equals(t)) {
        return true;
      }
      if (value instanceof PlistInteger i && v instanceof Number n
          && i.value().equals(BigInteger.valueOf(n.longValue()))) {
        return true;
      }
      if (value instanceof PlistBoolean b && v instanceof Boolean t && b.value() == t) {
        return true;
      }
    }
    return false;
  }

  static String display(PlistValue value) {
    if (value instanceof PlistString s) {
      return "'" + s.value() + "'";
    }
    if (value instanceof PlistInteger i) {
      return i.value().toString();
    }
    if (value instanceof PlistBoolean b) {
      return String.valueOf(b.value());
    }
    return value.typeName();
  }
}
