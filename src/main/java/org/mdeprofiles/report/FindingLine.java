package org.mdeprofiles.report;

import org.mdeprofiles.finding.Finding;

/** The one-line text form of a finding: {@code file: path: severity: message [code]}. */
public final class FindingLine {
  private FindingLine() {}

  public static String format(String file, Finding f) {
    String path = f.path().isRoot() ? "" : f.path() + ": ";
    return file + ": " + path + f.severity().label() + ": " + f.message() + " [" + f.code() + "]";
  }
}
