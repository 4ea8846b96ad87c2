package org.mdeprofiles.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static String literal(String s) {
    StringBuilder out = new StringBuilder();
    Json.string(s, out);
    return out.toString();
  }

  @Test
  void eachCharacterThatNeedsItIsEscapedAndRunsStandAsTheyAre() {
    assertEquals("\"plain base64+/=\"", literal("plain base64+/="));
    assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\"", literal("a\"b\\c\nd\re\tf"));
    assertEquals("\"\\u0000\\u001f\\u2028\\u2029\u00e9\u2013\"", literal("\u0000\u001f\u2028\u2029\u00e9\u2013"));
    assertEquals("\"\"", literal(""));
    assertEquals("\"\\\"\"", literal("\""));
  }

  @Test
  void whatItWritesReadsBackAsTheSameString() {
    Random random = new Random(42);
    char[] alphabet = "ab\"\\\n\r\t\u0001\u001f \u2028\u2029\u00e9\u20ac{}[]:,".toCharArray();
    for (int n = 0; n < 2_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        s.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = s.toString();
      assertEquals(Map.of("k", List.of(text)), JsonReader.parse(Json.write(Map.of("k", List.of(text)))), text);
    }
  }
}
