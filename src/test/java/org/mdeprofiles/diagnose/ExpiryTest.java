package org.mdeprofiles.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** product_expiration in each form mdatp prints it, judged at a fixed time. */
class ExpiryTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void everyFormIsRead() {
    Instant june = Instant.parse("2026-06-08T15:02:27Z");
    assertEquals(Optional.of(june), Expiry.parse("\"Jun 08, 2026 at 03:02:27 PM\""));
    assertEquals(Optional.of(june), Expiry.parse("JUN 8, 2026 at 3:02:27 pm"));
    assertEquals(Optional.of(june), Expiry.parse("2026-06-08T15:02:27Z"));
    assertEquals(Optional.of(june), Expiry.parse(String.valueOf(june.toEpochMilli())));
    assertEquals(Optional.of(june), Expiry.parse(String.valueOf(june.getEpochSecond())));
    assertEquals(Optional.of(Instant.parse("2026-06-08T00:00:00Z")), Expiry.parse("2026-06-08"));
    assertEquals(Optional.empty(), Expiry.parse("soon"));
    assertEquals(Optional.empty(), Expiry.parse(""));
  }

  @Test
  void aBuildPastItsDateIsAProblemWithTheAutoUpdateFix() {
    Diagnoser expired = new Diagnoser().now(NOW).read("t",
        "healthy : true\nproduct_expiration : \"Jun 08, 2026 at 03:02:27 PM\"\n");
    Conclusion c = expired.conclusions().stream().filter(x -> x.code().equals("product-expired")).findFirst()
        .orElseThrow();
    assertEquals("this Defender build expired on 2026-06-08", c.title());
    assertEquals(List.of("autoupdate"), c.profiles());
    assertEquals(List.of(new Evidence("t", 2, "product_expiration : \"Jun 08, 2026 at 03:02:27 PM\"")), c.seen());
    Diagnoser current = new Diagnoser().now(NOW).read("t",
        "healthy : true\nproduct_expiration : \"Jun 08, 2027 at 03:02:27 PM\"\n");
    assertEquals(List.of(), current.conclusions());
  }
}
