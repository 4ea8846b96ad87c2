package org.mdeprofiles.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Typed access to a loaded YAML tree, with errors that name the config key. */
final class ConfigTree {
  private ConfigTree() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String where) {
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

  static void onlyKeys(Map<String, Object> map, Set<String> allowed, String prefix) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            prefix + key + ": unknown setting (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  static Optional<Map<String, Object>> section(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? Optional.empty() : Optional.of(map(value, key));
  }

  static Optional<String> string(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String || value instanceof Number) {
      return Optional.of(String.valueOf(value));
    }
    throw new IllegalArgumentException(key + ": expected a string");
  }

  static Optional<Boolean> bool(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    throw new IllegalArgumentException(key + ": expected true or false");
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
}
