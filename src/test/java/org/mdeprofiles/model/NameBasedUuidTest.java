package org.mdeprofiles.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameBasedUuidTest {
  @Test
  void matchesTheRfcExampleForTheDnsNamespace() {
    // RFC 9562 appendix A.4: version 5 of "www.example.com" in the DNS namespace.
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertEquals("2ed6657d-e927-568b-95e1-2665a8aea6a2", NameBasedUuid.of(dns, "www.example.com").toString());
  }

  @Test
  void isUpperCaseVersion5() {
    String uuid = NameBasedUuid.of("com.example.profile");
    assertEquals(uuid.toUpperCase(java.util.Locale.ROOT), uuid);
    assertEquals(5, UUID.fromString(uuid).version());
    assertEquals(2, UUID.fromString(uuid).variant());
  }
}
