package org.mdeprofiles.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One mapping of a loaded YAML config, with typed access and errors that name the full key. */
final class ConfigTree {
  private final Map<String, Object> map;
  private final String prefix;

  private ConfigTree(Map<String, Object> map, String prefix) {
    this.map = map;
    this.prefix = prefix;
  }

  /** The top-level mapping of a config file. */
  static ConfigTree root(Object value) {
    return new ConfigTree(mapping(value, "the top level"), "");
  }

  /** The full name of {@code key} in this mapping, such as {@code kext.approval}. */
  String where(String key) {
    return prefix + key;
  }

  Map<String, Object> entries() {
    return map;
  }

  boolean has(String key) {
    return map.containsKey(key);
  }

  Object raw(String key) {
    return map.get(key);
  }

  void onlyKeys(Set<String> allowed) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            where(key) + ": unknown setting (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  Optional<ConfigTree> section(String key) {
    Object value = map.get(key);
    return value == null ? Optional.empty() : Optional.of(new ConfigTree(mapping(value, where(key)), where(key) + "."));
  }

  Optional<String> string(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String || value instanceof Number) {
      return Optional.of(String.valueOf(value));
    }
    throw new IllegalArgumentException(where(key) + ": expected a string");
  }

  Optional<Boolean> bool(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    throw new IllegalArgumentException(where(key) + ": expected true or false");
  }

  List<String> strings(String key) {
    return strings(map.get(key), where(key));
  }

  static List<String> strings(Object value, String where) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(where + ": expected a list");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw new IllegalArgumentException(where + "[" + i + "]: expected a string");
      }
      out.add(s);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(Object value, String where) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(where + ": expected a mapping");
    }
    for (Object key : m.keySet()) {
      if (!(key instanceof String)) {
        throw new IllegalArgumentException(where + ": key " + key + " is not a string");
      }
    }
    return (Map<String, Object>) value;
  }
}
