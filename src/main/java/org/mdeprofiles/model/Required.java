package org.mdeprofiles.model;

/** The null checks of a record's compact constructor, in one line: {@code "name == null"}. */
public final class Required {
  private Required() {}

  /**
   * Throws {@link NullPointerException} naming the first of {@code values} that is null; {@code
   * names} gives their names, separated by spaces, in the same order.
   */
  public static void all(String names, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new NullPointerException(names.split(" ")[i] + " == null");
      }
    }
  }
}
