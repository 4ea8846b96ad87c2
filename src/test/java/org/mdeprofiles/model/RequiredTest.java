package org.mdeprofiles.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequiredTest {
  @Test
  void theFirstNullIsNamed() {
    Required.all("a b", "x", "y");
    assertEquals("b == null", assertThrows(NullPointerException.class, () -> Required.all("a b c", "x", null, null))
        .getMessage());
    assertEquals("uuid == null", assertThrows(NullPointerException.class,
        () -> new PayloadHeader("t", "i", null, "d", "e", "o")).getMessage());
  }
}
