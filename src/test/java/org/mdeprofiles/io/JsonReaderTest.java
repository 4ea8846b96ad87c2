package org.mdeprofiles.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {
  @Test
  void readsEveryKindOfValueInOrder() {
    Object value = JsonReader.parse(" {\"z\": [1, -2, 9223372036854775808, 1.5, -2e3, true, false, null],\n"
        + " \"a\": {\"s\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\", \"e\": {}, \"l\": []}} ");
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("s", "q\"\\/\b\f\n\r\t\u00e9\u20ac");
    inner.put("e", Map.of());
    inner.put("l", List.of());
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("z", Arrays.asList(1L, -2L, new BigInteger("9223372036854775808"), 1.5, -2000.0, true, false, null));
    expected.put("a", inner);
    assertEquals(expected, value);
    assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) value).keySet()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"a": 1, "a": 2}       | duplicate key "a" at line 1, column 10
      [1, 2                  | unexpected end of input at line 1, column 6
      [1,]                   | unexpected character ']' at line 1, column 4
      {a: 1}                 | expected a string key at line 1, column 2
      "open                  | a string is not closed at line 1, column 6
      [01]                   | expected ']' at line 1, column 3
      [1.]                   | a number needs digits after '.' at line 1, column 4
      "\\x"                  | unknown escape \\x at line 1, column 2
      "\\u12"                | a \\u escape needs four hex digits at line 1, column 2
      [tru]                  | unexpected character 't' at line 1, column 2
      {} {}                  | unexpected text after the value at line 1, column 4
      ``                     | unexpected end of input at line 1, column 1
      """)
  void malformedJsonNamesTheProblemAndPlace(String json, String expected) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(json)).getMessage());
  }

  @Test
  void controlCharactersInStringsAndDeepNestingAreRefused() {
    assertEquals("a control character in a string at line 1, column 3",
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("\"a\nb\"")).getMessage());
    assertEquals("nested deeper than 64 levels at line 1, column 65",
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[".repeat(100_000))).getMessage());
  }
}
