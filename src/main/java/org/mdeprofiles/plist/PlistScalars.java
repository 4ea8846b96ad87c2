package org.mdeprofiles.plist;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mdeprofiles.finding.PlistPath;

/**
 * The text of a scalar element made a value, or a finding when it is not one: integers within
 * 64 bits (decimal or 0x hex), reals (with inf and nan), ISO 8601 dates in UTC, base64 data.
 */
final class PlistScalars {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+|0[xX][0-9a-fA-F]+");
  private static final Pattern DATE =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
  private static final Pattern REAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private PlistScalars() {}

  static PlistValue integer(String digits, PlistPath path, ParseFindings findings) {
    if (isShortDecimal(digits)) {
      return new PlistValue.PlistInteger(BigInteger.valueOf(Long.parseLong(digits)));
    }
    if (!INTEGER.matcher(digits).matches()) {
      findings.fatal(path, "plist.integer", digits);
      return null;
    }
    boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
    if (significantDigits(digits, hex) > (hex ? 16 : 20)) {
      // Beyond 64 bits whatever the digits: no BigInteger parse, whose time grows with the square
      // of the length.
      findings.fatal(path, "plist.integer-range", digits);
      return null;
    }
    BigInteger value = hex
        ? new BigInteger(digits.substring(2), 16)
        : new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
    if (!PlistValue.PlistInteger.fits(value)) {
      findings.fatal(path, "plist.integer-range", digits);
      return null;
    }
    return new PlistValue.PlistInteger(value);
  }

  /** The digits after the sign or 0x prefix and any leading zeros. */
  private static int significantDigits(String digits, boolean hex) {
    int i = hex ? 2 : digits.startsWith("+") || digits.startsWith("-") ? 1 : 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.length() - i;
  }

  /** Up to 18 digits, optionally after a minus: always a long, so no pattern or BigInteger parse. */
  private static boolean isShortDecimal(String s) {
    int from = s.startsWith("-") ? 1 : 0;
    if (s.length() == from || s.length() - from > 18) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static PlistValue real(String digits, PlistPath path, ParseFindings findings) {
    String lower = digits.toLowerCase(Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    double sign = lower.startsWith("-") ? -1 : 1;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return new PlistValue.PlistReal(sign * Double.POSITIVE_INFINITY);
    }
    if (unsigned.equals("nan")) {
      return new PlistValue.PlistReal(Double.NaN);
    }
    if (!REAL.matcher(digits).matches()) {
      findings.fatal(path, "plist.real", digits);
      return null;
    }
    return new PlistValue.PlistReal(Double.parseDouble(digits));
  }

  static PlistValue date(String iso, PlistPath path, ParseFindings findings) {
    if (DATE.matcher(iso).matches()) {
      try {
        return new PlistValue.PlistDate(Instant.parse(iso).toString());
      } catch (DateTimeParseException e) {
        // Fields out of range (month 13): the same finding as any other bad date.
      }
    }
    findings.fatal(path, "plist.date", iso);
    return null;
  }

  static PlistValue data(String base64, PlistPath path, ParseFindings findings) {
    StringBuilder compact = new StringBuilder(base64.length());
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        compact.append(c);
      }
    }
    try {
      return new PlistValue.PlistData(Base64.getDecoder().decode(compact.toString()));
    } catch (IllegalArgumentException e) {
      findings.fatal(path, "plist.data");
      return null;
    }
  }
}
