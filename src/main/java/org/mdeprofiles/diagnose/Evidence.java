package org.mdeprofiles.diagnose;

import java.util.Objects;

/** A line of the input that a conclusion rests on: which input, which line, what it said. */
public record Evidence(String source, int line, String text) {
  public Evidence {
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(text, "text == null");
  }

  @Override
  public String toString() {
    return source + ":" + line + ": " + text;
  }
}
