package org.mdeprofiles.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A macOS version such as 10.13.2 or 15; compares numerically. */
public record MacosVersion(int major, int minor, int patch) implements Comparable<MacosVersion> {
  private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,3})(?:\\.([0-9]{1,3}))?(?:\\.([0-9]{1,3}))?");

  public MacosVersion {
    if (major < 10 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("not a macOS version: " + major + "." + minor + "." + patch);
    }
  }

  /** Parses "14", "10.15" or "10.13.2"; throws IllegalArgumentException with a readable message. */
  public static MacosVersion parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a macOS version (expected e.g. 14 or 10.15): " + text);
    }
    int major = Integer.parseInt(m.group(1));
    if (major < 10) {
      throw new IllegalArgumentException("not a macOS version (expected 10.x or later): " + text);
    }
    return new MacosVersion(
        major,
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  @Override
  public int compareTo(MacosVersion other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) {
      c = Integer.compare(minor, other.minor);
    }
    return c != 0 ? c : Integer.compare(patch, other.patch);
  }

  public boolean isBefore(MacosVersion other) {
    return compareTo(other) < 0;
  }

  /** "10.13.2", "11.0", "15.0": the shortest form with at least a minor part. */
  @Override
  public String toString() {
    return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
  }
}
