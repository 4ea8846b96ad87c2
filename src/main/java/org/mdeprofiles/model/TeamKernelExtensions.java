package org.mdeprofiles.model;

import java.util.List;
import java.util.Objects;

/** The kernel extensions approved for one Team ID. */
public record TeamKernelExtensions(String teamId, List<String> bundleIds) {
  public TeamKernelExtensions {
    Objects.requireNonNull(teamId, "teamId == null");
    bundleIds = List.copyOf(bundleIds);
  }
}
