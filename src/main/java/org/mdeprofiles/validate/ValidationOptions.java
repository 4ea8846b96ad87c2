package org.mdeprofiles.validate;

import java.util.Optional;
import org.mdeprofiles.model.MacosVersion;

/** How to validate: the oldest macOS of the fleet, when known, turns version facts into warnings. */
public record ValidationOptions(Optional<MacosVersion> macos) {
  public static final ValidationOptions DEFAULT = new ValidationOptions(Optional.empty());

  public ValidationOptions {
    macos = macos == null ? Optional.empty() : macos;
  }
}
