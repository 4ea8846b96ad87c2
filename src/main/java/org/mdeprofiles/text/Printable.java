package org.mdeprofiles.text;

/**
 * Text from input made safe to print on one line of a terminal, a report or a log: control
 * characters (newlines and escape sequences among them), line separators and bidirectional
 * overrides are written as visible escapes ({@code \n}, {@code \x1b}, {@code \u202e}), so input
 * can neither forge a line nor drive the terminal.
 */
public final class Printable {
  private Printable() {}

  /** {@code text} with every character that is not plainly printable written as an escape. */
  public static String line(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = escape(c, text, i);
      if (escape != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escape == null) {
          out.append(c);
        } else {
          out.append(escape);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static String escape(char c, String text, int i) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
      return String.format("\\x%02x", (int) c);
    }
    if (isInvisibleControl(c) || isLoneSurrogate(c, text, i)) {
      return String.format("\\u%04x", (int) c);
    }
    return null;
  }

  /** Line and paragraph separators, bidirectional marks, embeddings, overrides and isolates. */
  private static boolean isInvisibleControl(char c) {
    return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff || c == 0xfffe || c == 0xffff;
  }

  private static boolean isLoneSurrogate(char c, String text, int i) {
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}
