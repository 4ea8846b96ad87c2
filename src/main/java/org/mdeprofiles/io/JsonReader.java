package org.mdeprofiles.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads strict JSON (RFC 8259) into maps that keep key order, lists, strings, {@link Long}s (or
 * {@link BigInteger}s beyond 64 bits), {@link Double}s, booleans and null. Duplicate keys and
 * nesting deeper than {@value #MAX_DEPTH} are refused. Small and quick to start, for the
 * project's own JSON (compiled spec files, manifests) where a YAML parser would cost more than the
 * read.
 */
public final class JsonReader {
  private static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;
  private int depth;

  private JsonReader(String text) {
    this.text = text;
  }

  /** Parses {@code text}; the exception's message is one line naming the line and column. */
  public static Object parse(String text) {
    JsonReader reader = new JsonReader(text);
    Object value = reader.value();
    reader.spaces();
    if (reader.pos < text.length()) {
      throw reader.error("unexpected text after the value");
    }
    return value;
  }

  private Object value() {
    spaces();
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object() {
    enter();
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    spaces();
    if (peek() == '}') {
      pos++;
      depth--;
      return map;
    }
    while (true) {
      spaces();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      int keyAt = pos;
      String key = string();
      spaces();
      expect(':');
      Object value = value();
      if (map.containsKey(key)) {
        pos = keyAt;
        throw error("duplicate key \"" + key + "\"");
      }
      map.put(key, value);
      spaces();
      if (peek() == ',') {
        pos++;
      } else {
        expect('}');
        depth--;
        return map;
      }
    }
  }

  private List<Object> array() {
    enter();
    List<Object> list = new ArrayList<>();
    pos++;
    spaces();
    if (peek() == ']') {
      pos++;
      depth--;
      return list;
    }
    while (true) {
      list.add(value());
      spaces();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        depth--;
        return list;
      }
    }
  }

  private String string() {
    pos++;
    StringBuilder out = null;
    int start = pos;
    while (true) {
      if (pos >= text.length()) {
        throw error("a string is not closed");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String s = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
        pos++;
        return s;
      }
      if (c < 0x20) {
        throw error("a control character in a string");
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, start, pos);
        out.append(escape());
        start = pos;
      } else {
        pos++;
      }
    }
  }

  private char escape() {
    char e = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
    pos += 2;
    switch (e) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u':
        if (pos + 4 <= text.length()) {
          try {
            char u = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return u;
          } catch (NumberFormatException ignored) {
            // reported below
          }
        }
        pos -= 2;
        throw error("a \\u escape needs four hex digits");
      default:
        pos -= 2;
        throw error("unknown escape \\" + e);
    }
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (!digits()) {
      throw error("a number needs digits");
    }
    boolean integral = true;
    if (peek() == '.') {
      pos++;
      integral = false;
      if (!digits()) {
        throw error("a number needs digits after '.'");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      integral = false;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!digits()) {
        throw error("a number needs digits in its exponent");
      }
    }
    String n = text.substring(start, pos);
    if (!integral) {
      return Double.parseDouble(n);
    }
    BigInteger big = new BigInteger(n);
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  private boolean digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected character '" + text.charAt(pos) + "'");
    }
    pos += word.length();
    return value;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error(pos >= text.length() ? "unexpected end of input" : "expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void spaces() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private IllegalArgumentException error(String problem) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(pos, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new IllegalArgumentException(problem + " at line " + line + ", column " + (pos - lineStart + 1));
  }
}
