package org.mdeprofiles.cli;

import java.util.Optional;
import org.mdeprofiles.model.MacosVersion;

/** The fleet's macOS range as the options give it: the oldest may not be newer than the newest. */
final class MacosRange {
  private MacosRange() {}

  static void require(Optional<MacosVersion> oldest, Optional<MacosVersion> newest) throws UsageException {
    if (oldest.isPresent() && newest.isPresent() && newest.get().isBefore(oldest.get())) {
      throw new UsageException("--newest-macos " + newest.get() + " is older than --macos " + oldest.get()
          + " (the fleet's oldest)");
    }
  }
}
