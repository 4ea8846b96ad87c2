package org.mdeprofiles.deploy;

import java.util.List;

/** What a deploy would do: its steps, in the order they are applied. */
public interface Plan {
  List<Step> steps();

  /** True when applying the plan writes to the server. */
  default boolean changes() {
    return steps().stream().anyMatch(s -> s.action().writes());
  }
}
