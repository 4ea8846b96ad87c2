package org.mdeprofiles.finding;

import java.util.Objects;

/** One problem found in a profile: where it is, how serious, which rule, and why. */
public record Finding(Severity severity, PlistPath path, String code, String message) {
  public Finding {
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(message, "message == null");
  }

  /** A finding whose message comes from the message bundle, keyed by its rule code. */
  public static Finding of(Severity severity, PlistPath path, String code, Object... args) {
    return new Finding(severity, path, code, Messages.format(code, args));
  }

  public static Finding error(PlistPath path, String code, Object... args) {
    return of(Severity.ERROR, path, code, args);
  }

  public static Finding warning(PlistPath path, String code, Object... args) {
    return of(Severity.WARNING, path, code, args);
  }

  public static Finding info(PlistPath path, String code, Object... args) {
    return of(Severity.INFO, path, code, args);
  }

  /** The same finding at another severity (used by --strict and version checks). */
  public Finding withSeverity(Severity newSeverity) {
    return new Finding(newSeverity, path, code, message);
  }
}
