package org.mdeprofiles.finding;

import java.util.Locale;

/** How serious a finding is; errors fail validation, warnings fail it only with --strict. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case word used in reports ("error", "warning", "info"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
