package org.mdeprofiles.pack;

import java.util.Objects;
import org.mdeprofiles.finding.Finding;

/** A finding about one file of the bundle, such as a value Jamf would mangle. */
public record FileFinding(String file, Finding finding) {
  public FileFinding {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(finding, "finding == null");
  }
}
