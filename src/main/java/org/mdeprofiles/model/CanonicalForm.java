package org.mdeprofiles.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * A stable text form of a model value, the input of its name-based UUID: record components by
 * name, lists and maps in order, strings quoted. Java class names are left out, so renaming a
 * type does not change a single UUID.
 */
final class CanonicalForm {
  private CanonicalForm() {}

  static String of(Object value) {
    StringBuilder out = new StringBuilder();
    append(value, out);
    return out.toString();
  }

  private static void append(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else if (value instanceof Boolean || value instanceof Number) {
      out.append(value);
    } else if (value instanceof byte[] bytes) {
      out.append("data:").append(java.util.Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        append(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        append(String.valueOf(e.getKey()), out);
        out.append(':');
        append(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof Record record) {
      out.append('(');
      RecordComponent[] components = record.getClass().getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        out.append(i == 0 ? "" : ",").append(components[i].getName()).append('=');
        append(read(components[i], record), out);
      }
      out.append(')');
    } else {
      throw new IllegalArgumentException("no canonical form for " + value.getClass().getName());
    }
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }
}
