package org.mdeprofiles.config;

import java.util.Optional;

/** Display name and description a user set for one profile; empty means the catalog's default. */
public record ProfileText(Optional<String> displayName, Optional<String> description) {
  public static final ProfileText DEFAULT = new ProfileText(Optional.empty(), Optional.empty());
}
