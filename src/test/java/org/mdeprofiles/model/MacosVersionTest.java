package org.mdeprofiles.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MacosVersionTest {
  @Test
  void parsesAndComparesNumerically() {
    assertTrue(MacosVersion.parse("10.9").isBefore(MacosVersion.parse("10.13.2")));
    assertTrue(MacosVersion.parse("10.15").isBefore(MacosVersion.parse("11")));
    assertEquals("11.0", MacosVersion.parse("11").toString());
    assertEquals("10.13.2", MacosVersion.parse("10.13.2").toString());
  }

  @Test
  void rejectsNonsense() {
    assertEquals("not a macOS version (expected e.g. 14 or 10.15): ten",
        assertThrows(IllegalArgumentException.class, () -> MacosVersion.parse("ten")).getMessage());
    assertEquals("not a macOS version (expected 10.x or later): 9.2",
        assertThrows(IllegalArgumentException.class, () -> MacosVersion.parse("9.2")).getMessage());
  }
}
