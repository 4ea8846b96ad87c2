package org.mdeprofiles.config;

import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.plist.PlistValue;

/** Turns a YAML tree (the config's settings section) into plist values, refusing what has none. */
public final class SettingsTree {
  private SettingsTree() {}

  public static PlistValue.PlistDict dict(Object yaml, String where) {
    if (!(toPlist(yaml, where) instanceof PlistValue.PlistDict dict)) {
      throw new IllegalArgumentException(where + ": expected a mapping of settings");
    }
    return dict;
  }

  static PlistValue toPlist(Object yaml, String where) {
    if (yaml instanceof Map<?, ?> map) {
      Map<String, PlistValue> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException(where + ": key " + e.getKey() + " is not a string");
        }
        String at = where + "." + key;
        Values.text(at, key);
        entries.put(key, toPlist(e.getValue(), at));
      }
      return new PlistValue.PlistDict(entries);
    }
    if (yaml instanceof List<?> list) {
      List<PlistValue> items = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        items.add(toPlist(list.get(i), where + "[" + i + "]"));
      }
      return new PlistValue.PlistArray(items);
    }
    if (yaml instanceof String s) {
      return new PlistValue.PlistString(Values.text(where, s));
    }
    if (yaml instanceof Boolean b) {
      return new PlistValue.PlistBoolean(b);
    }
    if (yaml instanceof Integer || yaml instanceof Long || yaml instanceof BigInteger) {
      BigInteger n = new BigInteger(yaml.toString());
      if (!PlistValue.PlistInteger.fits(n)) {
        throw new IllegalArgumentException(where + ": " + n + " is outside the 64-bit integer range");
      }
      return new PlistValue.PlistInteger(n);
    }
    if (yaml instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new IllegalArgumentException(where + ": " + d + " is not a finite number");
      }
      return new PlistValue.PlistReal(d);
    }
    if (yaml instanceof Date date) {
      return new PlistValue.PlistDate(DateTimeFormatter.ISO_INSTANT.format(
          date.toInstant().atOffset(ZoneOffset.UTC).withNano(0).toInstant()));
    }
    if (yaml instanceof byte[] bytes) {
      return new PlistValue.PlistData(bytes);
    }
    if (yaml == null) {
      throw new IllegalArgumentException(where + ": empty value; a plist has no null (remove the key or give a value)");
    }
    throw new IllegalArgumentException(where + ": unsupported value type " + yaml.getClass().getSimpleName());
  }
}
