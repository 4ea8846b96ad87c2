package org.mdeprofiles.report;

import java.io.PrintStream;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.text.Printable;
import org.mdeprofiles.validate.ValidationReport;

/**
 * The report for people: one line per finding, "ok" per clean file, and a closing summary.
 * Written file by file as results come, so that what a run holds does not grow with the number
 * of files: only the counts are kept.
 */
public final class TextReport {
  private final PrintStream out;
  private final boolean quiet;
  private int files;
  private int errors;
  private int warnings;
  private int failed;

  public TextReport(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  /** Writes one file's lines. */
  public void add(FileResult r) {
    files++;
    if (r.problem().isPresent()) {
      failed++;
      return; // reported on stderr as a one-line error
    }
    ValidationReport report = r.report().orElseThrow();
    for (Finding f : report.findings()) {
      if (!quiet || f.severity() != Severity.INFO) {
        out.println(FindingLine.format(report.source(), f));
      }
    }
    errors += (int) report.count(Severity.ERROR);
    warnings += (int) report.count(Severity.WARNING);
    if (report.count(Severity.ERROR) > 0) {
      failed++;
    } else if (!quiet && report.findings().isEmpty()) {
      out.println(Printable.line(report.source()) + ": ok");
    }
  }

  /** Writes the summary (none with quiet). */
  public void finish() {
    if (!quiet) {
      out.printf("%d %s checked: %d failed, %d %s, %d %s%n", files, plural(files, "file"), failed,
          errors, plural(errors, "error"), warnings, plural(warnings, "warning"));
    }
  }

  private static String plural(int n, String word) {
    return n == 1 ? word : word + "s";
  }
}
