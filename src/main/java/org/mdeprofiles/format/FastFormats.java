package org.mdeprofiles.format;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Hand-written checks for the formats validate meets in every profile, each answering exactly as
 * the expression it was written for (tested against it on edge cases and random strings). A check
 * is used only while formats.yaml still holds that expression, so an edited format falls back to
 * its expression instead of a check that no longer agrees.
 */
final class FastFormats {
  private FastFormats() {}

  private record Fast(String expression, Predicate<String> check) {}

  private static final String BUNDLE_ID_EXPRESSION =
      "(?=.{3,255}$)[A-Za-z0-9][A-Za-z0-9-]*+(?:\\.[A-Za-z0-9][A-Za-z0-9-]*+)++";

  private static final Map<String, Fast> FAST = Map.of(
      "uuid", new Fast("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}",
          FastFormats::isUuid),
      "team-id", new Fast("[A-Z0-9]{10}", FastFormats::isTeamId),
      "bundle-id", new Fast(BUNDLE_ID_EXPRESSION, FastFormats::isBundleId),
      "bundle-id-or-path", new Fast("(?s)/.{1,1023}|" + BUNDLE_ID_EXPRESSION,
          v -> isPath(v) || isBundleId(v)),
      "non-empty", new Fast("(?s).*\\S.*", FastFormats::hasNonSpace));

  /** The hand-written check of format {@code name}, when there is one for {@code expression}. */
  static Optional<Predicate<String>> of(String name, String expression) {
    Fast fast = FAST.get(name);
    return fast != null && fast.expression().equals(expression)
        ? Optional.of(fast.check())
        : Optional.empty();
  }

  /** The names that have a check, for the test that each still agrees with formats.yaml. */
  static java.util.Set<String> names() {
    return FAST.keySet();
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static boolean isUuid(String v) {
    if (v.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = v.charAt(i);
      boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : isHex(c);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTeamId(String v) {
    if (v.length() != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = v.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /** Two labels at least, dot-separated, each a letter or digit then letters, digits and hyphens. */
  private static boolean isBundleId(String v) {
    int n = v.length();
    if (n < 3 || n > 255) {
      return false; // only ASCII passes below, so characters and code points count alike
    }
    int labels = 0;
    boolean start = true;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (start) {
        if (!isAsciiLetterOrDigit(c)) {
          return false;
        }
        start = false;
        labels++;
      } else if (c == '.') {
        start = true;
      } else if (!isAsciiLetterOrDigit(c) && c != '-') {
        return false;
      }
    }
    return !start && labels >= 2;
  }

  /** A slash and then 1 to 1,023 code points of anything. */
  private static boolean isPath(String v) {
    return v.length() >= 2 && v.charAt(0) == '/' && v.codePointCount(1, v.length()) <= 1023;
  }

  /** Some character other than the six that {@code \s} stands for. */
  private static boolean hasNonSpace(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
        return true;
      }
    }
    return false;
  }
}
