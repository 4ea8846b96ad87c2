package org.mdeprofiles.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each hand-written format check answers as its expression does, and is the one in use. */
class FastFormatsTest {
  /** Characters near every edge of the five formats: classes, separators, whitespace, surrogates. */
  private static final String[] PIECES = {"a", "z", "A", "Z", "0", "9", "f", "F", "g", "G", "-", ".", "/", "_",
      " ", "\t", "\n", "\r", "\u000B", "\f", "\u0085", "\u2028", "\u00A0", "\u2003", "é", "\uD83D\uDE00",
      "\uD83D", "\uDE00", "ab", "com.", ".x", "--", "\u0000"};

  private static List<String> edges() {
    List<String> out = new ArrayList<>(List.of("", "a", "ab", "a.b", "a.b.", ".a.b", "a..b", "a-.b", "-a.b",
        "a.-b", "com.microsoft.wdav", "com.microsoft.wdav\n", "UBF8T346G9", "UBF8T346G", "UBF8T346G9X",
        "ubf8t346g9", "/", "/a", "/\n", " ", " \t\n", "\u00A0", " x ", "\u2003",
        "3E9C2F8A-1B2C-4D5E-8F90-ABCDEFabcdef", "3E9C2F8A-1B2C-4D5E-8F90-ABCDEFabcde",
        "3E9C2F8A1B2C-4D5E-8F90-ABCDEFabcdef-",
        "3E9C2F8A-1B2C-4D5E-8F90-ABCDEFabcdeg"));
    String label = "a".repeat(126);
    out.add(label + "." + label); // 253 characters
    out.add(label + "." + label + "b"); // 254
    out.add(label + "." + label + "bc"); // 255
    out.add(label + "." + label + "bcd"); // 256
    out.add("/" + "x".repeat(1023));
    out.add("/" + "x".repeat(1024));
    out.add("/" + "\uD83D\uDE00".repeat(1023)); // 1,023 code points in 2,046 characters
    out.add("/" + "\uD83D\uDE00".repeat(1024));
    out.add("/" + "\uD83D".repeat(1023)); // lone surrogates count one each
    return out;
  }

  private static List<String> randomStrings() {
    Random random = new Random(19);
    List<String> out = new ArrayList<>();
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      int parts = random.nextInt(n % 50 == 0 ? 300 : 14);
      for (int i = 0; i < parts; i++) {
        s.append(PIECES[random.nextInt(PIECES.length)]);
      }
      out.add(s.toString());
    }
    // Strings close to each format, with one character changed.
    String[] near = {"com.microsoft.wdav.epsext", "UBF8T346G9", "3E9C2F8A-1B2C-4D5E-8F90-ABCDEFabcdef", "/usr/bin/x"};
    for (String base : near) {
      for (int i = 0; i < base.length(); i++) {
        for (String piece : PIECES) {
          out.add(base.substring(0, i) + piece + base.substring(i + 1));
        }
      }
    }
    return out;
  }

  @Test
  void everyHandWrittenCheckIsInUseForItsFormat() {
    assertEquals(java.util.Set.of("uuid", "team-id", "bundle-id", "bundle-id-or-path", "non-empty"),
        FastFormats.names());
    for (String name : FastFormats.names()) {
      assertTrue(FastFormats.of(name, Formats.format(name).pattern().pattern()).isPresent(),
          name + ": formats.yaml no longer holds the expression its check was written for");
    }
  }

  @Test
  void eachCheckAnswersAsItsExpression() {
    List<String> values = new ArrayList<>(edges());
    values.addAll(randomStrings());
    for (String name : FastFormats.names()) {
      Pattern pattern = Formats.format(name).pattern();
      Predicate<String> fast = FastFormats.of(name, pattern.pattern()).orElseThrow();
      int matched = 0;
      for (String v : values) {
        boolean expected = pattern.matcher(v).matches();
        assertEquals(expected, fast.test(v), name + " on " + v.codePoints().mapToObj(c -> String.format("U+%04X", c))
            .toList());
        matched += expected ? 1 : 0;
      }
      assertTrue(matched > 0 && matched < values.size(), name + ": both answers were tried (" + matched + ")");
    }
  }

  @Test
  void anEditedExpressionFallsBackToTheExpression() {
    assertTrue(FastFormats.of("team-id", "[A-Z0-9]{11}").isEmpty());
    assertTrue(FastFormats.of("no-such-format", "x").isEmpty());
  }
}
