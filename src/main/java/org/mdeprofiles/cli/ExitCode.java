package org.mdeprofiles.cli;

/** The process exit codes, as documented in the README. */
final class ExitCode {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int BAD_INPUT = 3;
  static final int INTERNAL = 4;

  private ExitCode() {}
}
