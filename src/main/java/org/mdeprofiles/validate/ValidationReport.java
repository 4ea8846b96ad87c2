package org.mdeprofiles.validate;

import java.util.List;
import java.util.Objects;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;

/** The findings for one validated file. */
public record ValidationReport(String source, List<Finding> findings) {
  public ValidationReport {
    Objects.requireNonNull(source, "source == null");
    findings = List.copyOf(findings);
  }

  public long count(Severity severity) {
    long n = 0;
    for (Finding f : findings) {
      if (f.severity() == severity) {
        n++;
      }
    }
    return n;
  }

  /** True when the file fails: any error, or with {@code strict} any warning. */
  public boolean fails(boolean strict) {
    return count(Severity.ERROR) > 0 || (strict && count(Severity.WARNING) > 0);
  }
}
