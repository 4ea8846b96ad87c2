package org.mdeprofiles.format;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A named string format of {@code specs/formats.yaml}: its regular expression, which defines it,
 * and the check that answers it, a hand-written one where {@link FastFormats} has one written
 * for exactly that expression (validate matched each string value against these expressions for
 * about a tenth of its time), else the expression itself.
 */
public final class Format {
  private final String name;
  private final Pattern pattern;
  private final Predicate<String> check;

  Format(String name, Pattern pattern) {
    this.name = name;
    this.pattern = pattern;
    this.check = FastFormats.of(name, pattern.pattern()).orElse(v -> pattern.matcher(v).matches());
  }

  public String name() {
    return name;
  }

  /** The expression that defines the format (the whole string must match it). */
  public Pattern pattern() {
    return pattern;
  }

  /** True when the whole of {@code value} has this format. */
  public boolean matches(String value) {
    return check.test(value);
  }
}
