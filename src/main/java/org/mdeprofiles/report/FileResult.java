package org.mdeprofiles.report;

import java.util.Objects;
import java.util.Optional;
import org.mdeprofiles.validate.ValidationReport;

/** The outcome for one input: its findings, or the one-line reason it could not be read. */
public record FileResult(String source, Optional<ValidationReport> report, Optional<String> problem) {
  public FileResult {
    Objects.requireNonNull(source, "source == null");
    if (report.isPresent() == problem.isPresent()) {
      throw new IllegalArgumentException("exactly one of report and problem");
    }
  }

  public static FileResult of(ValidationReport report) {
    return new FileResult(report.source(), Optional.of(report), Optional.empty());
  }

  public static FileResult unreadable(String source, String problem) {
    return new FileResult(source, Optional.empty(), Optional.of(problem));
  }
}
