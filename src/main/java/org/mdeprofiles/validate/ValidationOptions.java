package org.mdeprofiles.validate;

import java.util.Optional;
import org.mdeprofiles.model.MacosVersion;

/**
 * How to validate: the fleet's macOS range. The oldest, when known, turns what a version lacks
 * into warnings; the newest (by default the newest macOS the spec files know) says what the
 * fleet will meet: a key deprecated or removed on its newer Macs.
 */
public record ValidationOptions(Optional<MacosVersion> macos, Optional<MacosVersion> newest) {
  /** The newest macOS whose facts the spec files hold (Apple's schema at the macOS 27 release). */
  public static final MacosVersion NEWEST_KNOWN = MacosVersion.parse("27.0");
  public static final ValidationOptions DEFAULT = new ValidationOptions(Optional.empty(), Optional.of(NEWEST_KNOWN));

  public ValidationOptions {
    macos = macos == null ? Optional.empty() : macos;
    newest = newest == null ? Optional.empty() : newest;
  }

  /** The oldest macOS given, the newest the spec files know. */
  public ValidationOptions(Optional<MacosVersion> macos) {
    this(macos, Optional.of(NEWEST_KNOWN));
  }
}
