package org.mdeprofiles.finding;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** Finding messages, one per rule code, from the {@code findings} resource bundle. */
public final class Messages {
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("org.mdeprofiles.findings", Locale.ROOT);

  /**
   * Each code's pattern parsed once: parsing costs more than formatting, and validate formats the
   * same few messages for every file. A MessageFormat is not thread-safe, so each use formats a
   * clone.
   */
  private static final ConcurrentHashMap<String, MessageFormat> PARSED = new ConcurrentHashMap<>();

  private Messages() {}

  /** Longer quoted input is cut, so a hostile value cannot make a report huge. */
  static final int MAX_QUOTED = 120;

  /** The message for {@code code} with its arguments filled in, each quoted value at most 120 characters. */
  public static String format(String code, Object... args) {
    MessageFormat parsed = PARSED.computeIfAbsent(code, Messages::parse);
    Object[] shown = args.clone();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] instanceof String s && s.length() > MAX_QUOTED) {
        shown[i] = s.substring(0, MAX_QUOTED - 20) + "... (" + s.length() + " characters)";
      }
    }
    return ((MessageFormat) parsed.clone()).format(shown);
  }

  private static MessageFormat parse(String code) {
    try {
      return new MessageFormat(BUNDLE.getString(code), Locale.ROOT);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no message for rule code " + code, e);
    }
  }
}
