package org.mdeprofiles.plist;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;

/**
 * The findings of one read, and whether one of them makes the content untrustworthy. Bounded: a
 * document gets at most {@value #MAX} findings (then one saying so), and the entity finding,
 * which stops the check, once.
 */
final class ParseFindings {
  static final int MAX = 1000;
  private final List<Finding> list;
  private boolean unreliable;
  private boolean full;
  private boolean entitySeen;

  ParseFindings(List<Finding> before) {
    list = new ArrayList<>(before);
  }

  /** An error after which the document has no root value, though reading goes on to find more. */
  void fatal(PlistPath path, String code, Object... args) {
    unreliable = true;
    if (code.equals(ENTITY)) {
      if (entitySeen) {
        return;
      }
      entitySeen = true;
    }
    error(path, code, args);
  }

  void error(PlistPath path, String code, Object... args) {
    if (full) {
      return;
    }
    if (list.size() >= MAX) {
      list.add(Finding.error(PlistPath.root(), "plist.too-many-findings", String.valueOf(MAX)));
      full = true;
      return;
    }
    list.add(Finding.error(path, code, args));
  }

  private static final String ENTITY = "plist.entity-declared";

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
