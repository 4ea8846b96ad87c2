package org.mdeprofiles.finding;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Finding messages, one per rule code, from the {@code findings} resource bundle. */
public final class Messages {
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("org.mdeprofiles.findings", Locale.ROOT);

  private Messages() {}

  /** The message for {@code code} with its arguments filled in. */
  public static String format(String code, Object... args) {
    String pattern;
    try {
      pattern = BUNDLE.getString(code);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no message for rule code " + code, e);
    }
    return new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
