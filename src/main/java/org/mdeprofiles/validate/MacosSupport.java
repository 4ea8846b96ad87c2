package org.mdeprofiles.validate;

import org.mdeprofiles.model.MacosVersion;

/**
 * The macOS versions that introduced, deprecated or removed a payload or key (any may be null),
 * what Apple names in its place ({@code instead}, or null), or {@code unavailable} when Apple
 * lists it for other platforms only.
 */
record MacosSupport(
    MacosVersion introduced, MacosVersion deprecated, MacosVersion removed, String instead, boolean unavailable) {
  static final MacosSupport ALWAYS = new MacosSupport(null, null, null, null, false);
}
