package org.mdeprofiles.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mdeprofiles.format.Format;

/**
 * What one key's value must be: its type, presence, allowed values, format, range, array
 * length, and, for containers, the specs of what they hold.
 *
 * @param items spec of each array element, or null
 * @param keys specs of a dictionary's named keys (empty when none)
 * @param anyKey spec of values under arbitrary keys (team ID to bundle IDs), or null
 * @param keyFormat format that arbitrary keys must have, or null
 * @param payload true when the value is a payload dictionary, checked against its type's spec
 * @param forbidden why the key may not appear here, or null
 * @param because why only {@code values} are allowed, or null
 * @param deprecatedValues values still taken but deprecated, each with what to use instead
 * @param deprecatedBy what its vendor says of the key it deprecated, or null
 * @param rules rules across a dictionary's keys
 */
record KeySpec(
    String name,
    ValueType type,
    boolean required,
    List<Object> values,
    Format format,
    Long min,
    Long max,
    Integer minItems,
    Integer maxItems,
    KeySpec items,
    Map<String, KeySpec> keys,
    KeySpec anyKey,
    Format keyFormat,
    MacosSupport macos,
    boolean payload,
    String forbidden,
    String because,
    Map<String, String> deprecatedValues,
    String deprecatedBy,
    List<DictRule> rules) {

  KeySpec {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(type, "type == null");
    values = List.copyOf(values);
    keys = new LinkedHashMap<>(keys);
    Objects.requireNonNull(macos, "macos == null");
    deprecatedValues = Map.copyOf(deprecatedValues);
    rules = List.copyOf(rules);
  }
}
