package org.mdeprofiles.model;

import java.util.List;
import java.util.Objects;

/** Bundle IDs (kernel or system extensions) grouped under the Team ID that signs them. */
public record TeamBundleIds(String teamId, List<String> bundleIds) {
  public TeamBundleIds {
    Objects.requireNonNull(teamId, "teamId == null");
    bundleIds = List.copyOf(bundleIds);
  }
}
