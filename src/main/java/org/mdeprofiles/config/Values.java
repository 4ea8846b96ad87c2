package org.mdeprofiles.config;

import org.mdeprofiles.format.Formats;

/**
 * Checks of user-supplied values; each failure is an IllegalArgumentException whose message
 * starts with {@code where} (an option or a config path) and says what is wrong.
 */
public final class Values {
  private Values() {}

  /** A value that will become XML text: no characters XML 1.0 cannot carry. */
  public static String text(String where, String value) {
    if (value == null) {
      throw new IllegalArgumentException(where + ": a value is required");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean illegal = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
      if (Character.isHighSurrogate(c)) {
        illegal = i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i));
      } else if (Character.isLowSurrogate(c)) {
        illegal = true;
      }
      if (illegal) {
        throw new IllegalArgumentException(String.format(
            "%s: contains the character U+%04X, which an XML property list cannot carry", where, (int) c));
      }
    }
    return value;
  }

  /** A non-blank display text. */
  public static String nonBlank(String where, String value) {
    text(where, value);
    if (value.isBlank()) {
      throw new IllegalArgumentException(where + ": must not be empty");
    }
    return value;
  }

  public static String teamId(String where, String value) {
    return matching(where, value, Formats.TEAM_ID, "a Team ID (10 characters, A-Z and 0-9)");
  }

  public static String bundleId(String where, String value) {
    return matching(where, value, Formats.BUNDLE_ID, "a reverse-DNS bundle ID (such as com.example.driver)");
  }

  /** An identifier prefix: reverse-DNS, as a bundle ID is. */
  public static String prefix(String where, String value) {
    return matching(where, value, Formats.BUNDLE_ID, "a reverse-DNS prefix (such as com.contoso.mde)");
  }

  private static String matching(String where, String value, String format, String what) {
    if (value == null || !Formats.matches(format, value)) {
      throw new IllegalArgumentException(where + ": '" + value + "' is not " + what);
    }
    return value;
  }
}
