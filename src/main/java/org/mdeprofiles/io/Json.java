package org.mdeprofiles.io;

import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and nulls as pretty-printed JSON (two-space
 * indent, LF, keys in map order), so equal values always give equal bytes.
 */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, int indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      object(map, out, indent);
    } else if (value instanceof List<?> list) {
      array(list, out, indent);
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
    }
  }

  private static void object(Map<?, ?> map, StringBuilder out, int indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      pad(out, indent + 1);
      string(String.valueOf(e.getKey()), out);
      out.append(": ");
      write(e.getValue(), out, indent + 1);
      out.append(++i < map.size() ? ",\n" : "\n");
    }
    pad(out, indent);
    out.append('}');
  }

  private static void array(List<?> list, StringBuilder out, int indent) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      pad(out, indent + 1);
      write(list.get(i), out, indent + 1);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    pad(out, indent);
    out.append(']');
  }

  private static void pad(StringBuilder out, int indent) {
    out.append("  ".repeat(indent));
  }

  /**
   * Appends {@code s} as a JSON string literal. Runs of characters that need no escape are
   * appended whole (a Graph body's base64 payload is one such run).
   */
  public static void string(String s, StringBuilder out) {
    out.append('"');
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      String escape = escape(s.charAt(i));
      if (escape != null) {
        out.append(s, run, i).append(escape);
        run = i + 1;
      }
    }
    out.append(s, run, s.length()).append('"');
  }

  /** The escape of {@code c} in a JSON string, or null when it stands as it is. */
  private static String escape(char c) {
    return switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> c < 0x20 || c == 0x2028 || c == 0x2029 ? String.format("\\u%04x", (int) c) : null;
    };
  }
}
