package org.mdeprofiles.report;

import java.util.List;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.validate.ValidationReport;
import org.mdeprofiles.text.Printable;

/**
 * The report for CI servers, in JUnit XML: one test case per file, one failure per error
 * finding, an error for a file that could not be read; warnings and notes go to system-out.
 * No times, so equal input gives equal bytes.
 */
public final class JunitReport {
  private static final String SUITE = "mde-profiles validate";

  private JunitReport() {}

  public static String render(List<FileResult> results) {
    int failures = 0;
    int errors = 0;
    StringBuilder cases = new StringBuilder();
    for (FileResult r : results) {
      cases.append("    <testcase classname=\"mde-profiles.validate\" name=\"").append(xml(r.source()))
          .append("\" time=\"0\">\n");
      if (r.problem().isPresent()) {
        errors++;
        cases.append("      <error type=\"unreadable\" message=\"").append(xml(r.problem().get())).append("\"/>\n");
      } else {
        ValidationReport report = r.report().orElseThrow();
        StringBuilder notes = new StringBuilder();
        for (Finding f : report.findings()) {
          String line = FindingLine.format(report.source(), f);
          if (f.severity() == Severity.ERROR) {
            cases.append("      <failure type=\"").append(xml(f.code())).append("\" message=\"")
                .append(xml(f.path() + ": " + f.message())).append("\">").append(xml(line))
                .append("</failure>\n");
          } else {
            notes.append(line).append('\n');
          }
        }
        if (report.count(Severity.ERROR) > 0) {
          failures++;
        }
        if (notes.length() > 0) {
          cases.append("      <system-out>").append(xml(notes.toString())).append("</system-out>\n");
        }
      }
      cases.append("    </testcase>\n");
    }
    String counts = "tests=\"" + results.size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\"";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"" + SUITE + "\" " + counts + " time=\"0\">\n"
        + "  <testsuite name=\"" + SUITE + "\" " + counts + " skipped=\"0\" time=\"0\">\n"
        + cases
        + "  </testsuite>\n"
        + "</testsuites>\n";
  }

  /** True when the char at {@code i} may appear in XML 1.0 (a surrogate only as half of a pair). */
  private static boolean xmlChar(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20) {
      return c == '\n' || c == '\t' || c == '\r';
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
    return c != 0xfffe && c != 0xffff;
  }

  /** XML text and attribute escaping; characters XML cannot carry become U+FFFD. */
  static String xml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(xmlChar(s, i) ? c : '\uFFFD');
      }
    }
    return out.toString();
  }
}
