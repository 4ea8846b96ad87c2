package org.mdeprofiles.model;

import java.util.Objects;

/** One app's entry under a privacy (TCC) service: who, proven how, and whether it is allowed. */
public record TccGrant(
    String identifier, String identifierType, String codeRequirement, boolean staticCode, boolean allowed) {
  public TccGrant {
    Objects.requireNonNull(identifier, "identifier == null");
    Objects.requireNonNull(identifierType, "identifierType == null");
    Objects.requireNonNull(codeRequirement, "codeRequirement == null");
  }
}
