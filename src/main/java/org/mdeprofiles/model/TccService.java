package org.mdeprofiles.model;

import java.util.List;
import java.util.Objects;

/** A privacy service (such as {@code SystemPolicyAllFiles}) and the apps granted it. */
public record TccService(String name, List<TccGrant> grants) {
  public TccService {
    Objects.requireNonNull(name, "name == null");
    grants = List.copyOf(grants);
  }
}
