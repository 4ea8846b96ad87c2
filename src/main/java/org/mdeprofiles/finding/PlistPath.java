package org.mdeprofiles.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A location inside a property list, rendered like {@code PayloadContent[0].AllowedTeamIdentifiers[1]}
 * for people and as a JSON pointer for tools.
 */
public final class PlistPath {
  private static final PlistPath ROOT = new PlistPath(List.of());

  private final List<Object> steps;

  private PlistPath(List<Object> steps) {
    this.steps = steps;
  }

  /** The path of the root value. */
  public static PlistPath root() {
    return ROOT;
  }

  /** This path extended by a dictionary key. */
  public PlistPath key(String key) {
    return append(Objects.requireNonNull(key, "key == null"));
  }

  /** This path extended by an array index. */
  public PlistPath index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0");
    }
    return append(index);
  }

  private PlistPath append(Object step) {
    List<Object> copy = new ArrayList<>(steps.size() + 1);
    copy.addAll(steps);
    copy.add(step);
    return new PlistPath(List.copyOf(copy));
  }

  public boolean isRoot() {
    return steps.isEmpty();
  }

  /** The dotted form; the root renders as an empty string. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object step : steps) {
      if (step instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(step);
      }
    }
    return out.toString();
  }

  /** The RFC 6901 JSON pointer form; the root renders as an empty string. */
  public String toJsonPointer() {
    StringBuilder out = new StringBuilder();
    for (Object step : steps) {
      out.append('/').append(step.toString().replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PlistPath that && steps.equals(that.steps);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }
}
