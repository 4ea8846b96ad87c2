package org.mdeprofiles.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByContentTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void equalContentsAreWorkedOutOnceAndContentsOfOneLengthApart() {
    ByContent<String> memo = new ByContent<>();
    List<String> worked = new ArrayList<>();
    java.util.function.Function<byte[], String> work = b -> {
      String s = new String(b, StandardCharsets.UTF_8);
      worked.add(s);
      return s.toUpperCase(java.util.Locale.ROOT);
    };
    assertEquals("ABC", memo.get(bytes("abc"), work));
    assertEquals("ABD", memo.get(bytes("abd"), work)); // same length, other bytes
    assertEquals("ABC", memo.get(bytes("abc"), work)); // an equal copy, not the same array
    assertEquals("ABCD", memo.get(bytes("abcd"), work));
    assertEquals("", memo.get(new byte[0], work));
    assertEquals("", memo.get(new byte[0], work));
    assertEquals(List.of("abc", "abd", "abcd", ""), worked);
  }
}
