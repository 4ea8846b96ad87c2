package org.mdeprofiles.validate;

import org.mdeprofiles.model.MacosVersion;

/**
 * The macOS versions that introduced, deprecated or removed a payload or key (any may be null),
 * or {@code unavailable} when Apple lists it for other platforms only.
 */
record MacosSupport(MacosVersion introduced, MacosVersion deprecated, MacosVersion removed, boolean unavailable) {
  static final MacosSupport ALWAYS = new MacosSupport(null, null, null, false);
}
