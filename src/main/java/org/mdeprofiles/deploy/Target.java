package org.mdeprofiles.deploy;

import java.util.function.Consumer;

/** An MDM that a bundle is deployed to: planned against what it holds, then applied. */
public interface Target<P extends Plan> {
  /** What deploying the bundle would do; with {@code prune}, deletions of the bundle's own leftovers. */
  P plan(boolean prune) throws DeployException;

  /**
   * Applies the plan's writes in order, saying each on {@code done} as it completes. On a failure,
   * what was applied has been said and the exception says what failed; a rerun converges.
   */
  void apply(P plan, Consumer<Step> done) throws DeployException;
}
