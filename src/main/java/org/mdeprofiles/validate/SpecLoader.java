package org.mdeprofiles.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mdeprofiles.format.Format;
import org.mdeprofiles.format.Formats;
import org.mdeprofiles.io.JsonReader;
import org.mdeprofiles.model.MacosVersion;

/** Reads payload spec files (YAML resources under {@code org/mdeprofiles/specs}) into specs. */
final class SpecLoader {
  private static final String ROOT = "/org/mdeprofiles/specs/";
  /** Spec files are YAML in the sources and JSON in the build (see {@link SpecCompiler}). */
  static final String SUFFIX = ".json";

  /** The spec of {@code payloadType} (from its .yaml source, compiled to JSON), or null when there is none. */
  PayloadSpec payload(String payloadType) {
    if (!payloadType.matches("[A-Za-z0-9.-]+")) {
      return null;
    }
    Object raw = load(payloadType + SUFFIX);
    if (raw == null) {
      return null;
    }
    return fromTree(payloadType + ".yaml", raw);
  }

  /** Keywords of a spec file, of a key's spec, of a macos block and of a rule: nothing else is one. */
  // definitions: a place for YAML anchors that keys refer to; the engine reads nothing there.
  static final Set<String> SPEC_KEYWORDS =
      Set.of("payloadType", "title", "macos", "deviceChannelOnly", "keys", "rules", "definitions");
  static final Set<String> KEY_KEYWORDS = Set.of("type", "required", "values", "format", "min", "max", "minItems",
      "maxItems", "items", "keys", "anyKey", "keyFormat", "macos", "payload", "forbidden", "because",
      "deprecatedValues", "deprecatedBy", "rules");
  static final Set<String> MACOS_KEYWORDS = Set.of("introduced", "deprecated", "removed", "instead", "unavailable");
  static final Set<String> RULE_KEYWORDS = Set.of("when", "require", "ignored", "anyTrue", "exactlyOne");

  /**
   * The spec a file's tree describes; a keyword the rule language does not have, a type or a
   * format it does not know, fails (so a misspelled rule cannot silently vanish).
   */
  PayloadSpec fromTree(String file, Object raw) {
    Map<String, Object> spec = map(raw, file);
    known(spec, SPEC_KEYWORDS, file);
    Map<String, KeySpec> keys = keys(map(spec.get("keys"), file + ": keys"), file);
    return new PayloadSpec(
        String.valueOf(spec.get("payloadType")),
        (String) spec.get("title"),
        macos(spec.get("macos")),
        Boolean.TRUE.equals(spec.get("deviceChannelOnly")),
        keys,
        rules(spec.get("rules"), file));
  }

  private Map<String, KeySpec> keys(Map<String, Object> raw, String where) {
    Map<String, KeySpec> keys = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      keys.put(e.getKey(), key(e.getKey(), map(e.getValue(), where + ": " + e.getKey()), where));
    }
    return keys;
  }

  private static void known(Map<String, Object> raw, Set<String> keywords, String where) {
    for (String keyword : raw.keySet()) {
      if (!keywords.contains(keyword)) {
        throw new IllegalStateException("spec " + where + ": unknown keyword '" + keyword + "' (known: "
            + String.join(", ", new java.util.TreeSet<>(keywords)) + ")");
      }
    }
  }

  private KeySpec key(String name, Map<String, Object> raw, String where) {
    known(raw, KEY_KEYWORDS, where + ": " + name);
    Object items = raw.get("items");
    Object anyKey = raw.get("anyKey");
    Object subKeys = raw.get("keys");
    return new KeySpec(
        name,
        ValueType.parse(String.valueOf(raw.getOrDefault("type", "any"))),
        Boolean.TRUE.equals(raw.get("required")),
        raw.containsKey("values") ? list(raw.get("values")) : List.of(),
        format((String) raw.get("format"), where),
        number(raw.get("min")),
        number(raw.get("max")),
        integer(raw.get("minItems")),
        integer(raw.get("maxItems")),
        items == null ? null : key(name + "[]", map(items, where), where),
        subKeys == null ? Map.of() : keys(map(subKeys, where), where),
        anyKey == null ? null : key("*", map(anyKey, where), where),
        format((String) raw.get("keyFormat"), where),
        macos(raw.get("macos")),
        Boolean.TRUE.equals(raw.get("payload")),
        (String) raw.get("forbidden"),
        (String) raw.get("because"),
        deprecatedValues(raw.get("deprecatedValues"), where),
        (String) raw.get("deprecatedBy"),
        rules(raw.get("rules"), where));
  }

  private static List<DictRule> rules(Object raw, String where) {
    if (raw == null) {
      return List.of();
    }
    List<DictRule> rules = new java.util.ArrayList<>();
    for (Object item : list(raw)) {
      Map<String, Object> rule = map(item, where + ": rules");
      known(rule, RULE_KEYWORDS, where + ": rules");
      rules.add(new DictRule(
          rule.containsKey("when") ? map(rule.get("when"), where + ": when") : Map.of(),
          strings(rule.get("require")),
          strings(rule.get("ignored")),
          strings(rule.get("anyTrue")),
          strings(rule.get("exactlyOne"))));
    }
    return rules;
  }

  private static Map<String, String> deprecatedValues(Object raw, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null) {
      map(raw, where + ": deprecatedValues").forEach((k, v) -> out.put(k, String.valueOf(v)));
    }
    return out;
  }

  private static List<String> strings(Object raw) {
    if (raw == null) {
      return List.of();
    }
    return list(raw).stream().map(String::valueOf).toList();
  }

  private static Format format(String name, String where) {
    if (name == null) {
      return null;
    }
    try {
      return Formats.format(name);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(where + ": " + e.getMessage(), e);
    }
  }

  private static MacosSupport macos(Object raw) {
    if (raw == null) {
      return MacosSupport.ALWAYS;
    }
    Map<String, Object> m = map(raw, "macos");
    known(m, MACOS_KEYWORDS, "macos");
    return new MacosSupport(version(m.get("introduced")), version(m.get("deprecated")), version(m.get("removed")),
        (String) m.get("instead"), Boolean.TRUE.equals(m.get("unavailable")));
  }

  private static MacosVersion version(Object raw) {
    return raw == null ? null : MacosVersion.parse(String.valueOf(raw));
  }

  private static Long number(Object raw) {
    return raw == null ? null : ((Number) raw).longValue();
  }

  private static Integer integer(Object raw) {
    return raw == null ? null : ((Number) raw).intValue();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object raw) {
    return (List<Object>) raw;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object raw, String where) {
    if (!(raw instanceof Map)) {
      throw new IllegalStateException("spec " + where + ": expected a mapping");
    }
    return (Map<String, Object>) raw;
  }

  private static Object load(String file) {
    try (InputStream in = SpecLoader.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        return null;
      }
      return JsonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
