package org.mdeprofiles.report;

import java.util.List;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.validate.ValidationReport;
import org.mdeprofiles.text.Printable;

/** The report for people: one line per finding, "ok" per clean file, and a closing summary. */
public final class TextReport {
  private TextReport() {}

  public static String render(List<FileResult> results, boolean quiet) {
    StringBuilder out = new StringBuilder();
    int errors = 0;
    int warnings = 0;
    int failed = 0;
    for (FileResult r : results) {
      if (r.problem().isPresent()) {
        failed++;
        continue; // already reported on stderr as a one-line error
      }
      ValidationReport report = r.report().orElseThrow();
      for (Finding f : report.findings()) {
        if (!quiet || f.severity() != Severity.INFO) {
          out.append(FindingLine.format(report.source(), f)).append('\n');
        }
      }
      errors += (int) report.count(Severity.ERROR);
      warnings += (int) report.count(Severity.WARNING);
      if (report.count(Severity.ERROR) > 0) {
        failed++;
      } else if (!quiet && report.findings().isEmpty()) {
        out.append(Printable.line(report.source())).append(": ok\n");
      }
    }
    if (!quiet) {
      out.append(String.format("%d %s checked: %d failed, %d %s, %d %s%n",
          results.size(), plural(results.size(), "file"), failed,
          errors, plural(errors, "error"), warnings, plural(warnings, "warning")));
    }
    return out.toString();
  }

  private static String plural(int n, String word) {
    return n == 1 ? word : word + "s";
  }
}
