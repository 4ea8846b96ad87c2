package org.mdeprofiles.finding;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * A location inside a property list, rendered like {@code PayloadContent[0].AllowedTeamIdentifiers[1]}
 * for people and as a JSON pointer for tools. Each path points to its parent, so extending one is
 * cheap: the validator makes a path for every value it visits.
 */
public final class PlistPath {
  private static final PlistPath ROOT = new PlistPath(null, null, -1);

  private final PlistPath parent;
  private final String key;
  private final int index;
  private final int hash;

  private PlistPath(PlistPath parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
    this.hash = parent == null ? 0 : (31 * parent.hash + Objects.hashCode(key)) * 31 + index;
  }

  /** The path of the root value. */
  public static PlistPath root() {
    return ROOT;
  }

  /** This path extended by a dictionary key. */
  public PlistPath key(String key) {
    return new PlistPath(this, Objects.requireNonNull(key, "key == null"), -1);
  }

  /** This path extended by an array index. */
  public PlistPath index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0");
    }
    return new PlistPath(this, null, index);
  }

  public boolean isRoot() {
    return parent == null;
  }

  private Deque<PlistPath> steps() {
    Deque<PlistPath> steps = new ArrayDeque<>();
    for (PlistPath p = this; !p.isRoot(); p = p.parent) {
      steps.push(p);
    }
    return steps;
  }

  /** The dotted form; the root renders as an empty string. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (PlistPath step : steps()) {
      if (step.key == null) {
        out.append('[').append(step.index).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(step.key);
      }
    }
    return out.toString();
  }

  /** The RFC 6901 JSON pointer form; the root renders as an empty string. */
  public String toJsonPointer() {
    StringBuilder out = new StringBuilder();
    for (PlistPath step : steps()) {
      String text = step.key == null ? String.valueOf(step.index) : step.key;
      out.append('/').append(text.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof PlistPath that) || hash != that.hash || index != that.index
        || !Objects.equals(key, that.key)) {
      return false;
    }
    return Objects.equals(parent, that.parent);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
