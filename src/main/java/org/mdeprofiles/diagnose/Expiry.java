package org.mdeprofiles.diagnose;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The date in mdatp's {@code product_expiration}: as the text output prints it ("Jun 08, 2026 at
 * 03:02:27 PM", the Mac's local time, read here as UTC: a day either way does not change the
 * answer), as an ISO date or time, or as epoch seconds or milliseconds (JSON).
 */
final class Expiry {
  private static final DateTimeFormatter TEXT =
      DateTimeFormatter.ofPattern("MMM d, uuuu 'at' h:mm:ss a", Locale.ENGLISH);
  private static final DateTimeFormatter TEXT_DATE = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

  private Expiry() {}

  static Optional<Instant> parse(String raw) {
    String v = raw.replace("\"", "").trim();
    if (v.isEmpty() || v.length() > 64) {
      return Optional.empty();
    }
    try {
      if (v.matches("\\d{9,13}")) {
        long n = Long.parseLong(v);
        return Optional.of(n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
      }
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
      if (v.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
        return Optional.of(v.endsWith("Z") || v.matches(".*[+-]\\d{2}:?\\d{2}$") ? Instant.parse(v)
            : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC));
      }
      if (v.contains(" at ")) {
        return Optional.of(LocalDateTime.parse(v, caseless(TEXT)).toInstant(ZoneOffset.UTC));
      }
      return Optional.of(LocalDate.parse(v, caseless(TEXT_DATE)).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** A build past its expiration date: it keeps definitions but no longer gets product fixes. */
  static Optional<Conclusion> expired(MacFacts facts, java.time.Instant now) {
    return facts.field("product_expiration").flatMap(f -> parse(f.value()).filter(now::isAfter)
        .map(at -> new Conclusion("product-expired", true, "this Defender build expired on "
            + at.toString().substring(0, 10), List.of(f.evidence()),
            "each Defender build expires after about six months; an expired one still gets security"
                + " intelligence but none of the fixes and features since, and Microsoft asks to update it.",
            List.of("autoupdate"), Optional.of("update Defender through Microsoft AutoUpdate (open it and check"
                + " for updates, or msupdate --install), and keep the AutoUpdate profile deployed"))));
  }
  private static DateTimeFormatter caseless(DateTimeFormatter f) {
    return new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().append(f).toFormatter(Locale.ENGLISH);
  }
}
