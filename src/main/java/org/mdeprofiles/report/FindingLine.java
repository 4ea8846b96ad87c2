package org.mdeprofiles.report;

import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.text.Printable;

/**
 * The one-line text form of a finding: {@code file: path: severity: message [code]}, with what
 * came from input escaped so that it stays one line.
 */
public final class FindingLine {
  private FindingLine() {}

  public static String format(String file, Finding f) {
    String path = f.path().isRoot() ? "" : Printable.line(f.path().toString()) + ": ";
    return Printable.line(file) + ": " + path + f.severity().label() + ": " + Printable.line(f.message())
        + " [" + f.code() + "]";
  }
}
