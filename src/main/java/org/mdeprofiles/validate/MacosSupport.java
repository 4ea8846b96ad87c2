package org.mdeprofiles.validate;

import org.mdeprofiles.model.MacosVersion;

/** The macOS versions that introduced, deprecated or removed a payload or key; any may be null. */
record MacosSupport(MacosVersion introduced, MacosVersion deprecated, MacosVersion removed) {
  static final MacosSupport ALWAYS = new MacosSupport(null, null, null);
}
