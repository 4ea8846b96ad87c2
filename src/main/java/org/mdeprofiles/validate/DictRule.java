package org.mdeprofiles.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistBoolean;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistString;

/**
 * A rule across the keys of one dictionary, for what Apple states in prose: when some keys have
 * given values, other keys are required or not read, one of some booleans must be true, or exactly
 * one of some keys must be present.
 */
record DictRule(
    Map<String, Object> when, List<String> require, List<String> ignored, List<String> anyTrue, List<String> exactlyOne) {
  DictRule {
    ignored = List.copyOf(ignored);
    when = new LinkedHashMap<>(when);
    require = List.copyOf(require);
    anyTrue = List.copyOf(anyTrue);
    exactlyOne = List.copyOf(exactlyOne);
  }

  void check(PlistDict dict, PlistPath path, List<Finding> findings) {
    for (Map.Entry<String, Object> condition : when.entrySet()) {
      if (!matches(dict.get(condition.getKey()), condition.getValue())) {
        return;
      }
    }
    for (String key : require) {
      if (dict.get(key) == null) {
        findings.add(Finding.error(path.key(key), "rule.require", key, condition()));
      }
    }
    for (String key : ignored) {
      if (dict.get(key) != null) {
        findings.add(Finding.warning(path.key(key), "rule.ignored", key, condition()));
      }
    }
    if (!anyTrue.isEmpty() && anyTrue.stream().noneMatch(k -> matches(dict.get(k), Boolean.TRUE))) {
      findings.add(Finding.error(path, "rule.any-true", String.join(", ", anyTrue), condition()));
    }
    if (!exactlyOne.isEmpty()) {
      List<String> present = new ArrayList<>();
      exactlyOne.stream().filter(k -> dict.get(k) != null).forEach(present::add);
      if (present.size() != 1) {
        findings.add(Finding.error(path, "rule.exactly-one", String.join(", ", exactlyOne),
            present.isEmpty() ? "none" : String.join(", ", present)));
      }
    }
  }

  /** The rule's condition in words, for its findings (built only when there is one to report). */
  private String condition() {
    return when.entrySet().stream().map(e -> e.getKey() + " is " + e.getValue()).collect(Collectors.joining(" and "));
  }

  private static boolean matches(PlistValue value, Object expected) {
    if (expected instanceof Boolean b) {
      return value instanceof PlistBoolean v && v.value() == b;
    }
    return value instanceof PlistString s && s.value().equals(String.valueOf(expected));
  }
}
