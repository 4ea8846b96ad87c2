package org.mdeprofiles.plist;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;

/** The findings of one read, and whether one of them makes the content untrustworthy. */
final class ParseFindings {
  private final List<Finding> list;
  private boolean unreliable;

  ParseFindings(List<Finding> before) {
    list = new ArrayList<>(before);
  }

  /** An error after which the document has no root value, though reading goes on to find more. */
  void fatal(PlistPath path, String code, Object... args) {
    list.add(Finding.error(path, code, args));
    unreliable = true;
  }

  void error(PlistPath path, String code, Object... args) {
    list.add(Finding.error(path, code, args));
  }

  List<Finding> all() {
    return list;
  }

  /** How many findings there are; a mark for {@link #dropFrom}. */
  int count() {
    return list.size();
  }

  /** Forgets the findings made since {@code mark}, when a broader one replaces them. */
  void dropFrom(int mark) {
    list.subList(mark, list.size()).clear();
  }

  boolean unreliable() {
    return unreliable;
  }
}
