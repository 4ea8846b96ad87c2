package org.mdeprofiles.model;

import java.util.List;
import java.util.Map;
import org.mdeprofiles.plist.PlistValue;

/**
 * A stable text form of a property-list value, the input of a name-based UUID: dictionaries with
 * their keys (Apple's key names) in order, arrays in order, each scalar with its plist type. No
 * Java name is part of it, so renaming a class or field moves no UUID.
 */
final class CanonicalForm {
  private CanonicalForm() {}

  static String of(PlistValue value) {
    StringBuilder out = new StringBuilder();
    append(value, out);
    return out.toString();
  }

  private static void append(PlistValue value, StringBuilder out) {
    if (value instanceof PlistValue.PlistString s) {
      quoted(s.value(), out);
    } else if (value instanceof PlistValue.PlistInteger i) {
      out.append("integer:").append(i.value());
    } else if (value instanceof PlistValue.PlistReal r) {
      out.append("real:").append(r.value());
    } else if (value instanceof PlistValue.PlistBoolean b) {
      out.append(b.value());
    } else if (value instanceof PlistValue.PlistDate d) {
      out.append("date:").append(d.iso8601());
    } else if (value instanceof PlistValue.PlistData d) {
      out.append("data:").append(d.base64());
    } else if (value instanceof PlistValue.PlistArray a) {
      array(a.items(), out);
    } else {
      dict(((PlistValue.PlistDict) value).entries(), out);
    }
  }

  private static void array(List<PlistValue> items, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : ",");
      append(items.get(i), out);
    }
    out.append(']');
  }

  private static void dict(Map<String, PlistValue> entries, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, PlistValue> e : entries.entrySet()) {
      out.append(first ? "" : ",");
      first = false;
      quoted(e.getKey(), out);
      out.append(':');
      append(e.getValue(), out);
    }
    out.append('}');
  }

  private static void quoted(String s, StringBuilder out) {
    out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
  }
}
