package org.mdeprofiles.model;

import java.util.List;
import java.util.Objects;

/**
 * A configuration profile: the top-level keys and its payloads.
 *
 * @param name the catalog name, also the output file's base name ("kext")
 */
public record Profile(
    String name,
    String identifier,
    String uuid,
    String displayName,
    String description,
    String organization,
    String scope,
    boolean removalDisallowed,
    List<Payload> payloads) {

  public Profile {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(identifier, "identifier == null");
    Objects.requireNonNull(uuid, "uuid == null");
    Objects.requireNonNull(displayName, "displayName == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(organization, "organization == null");
    Objects.requireNonNull(scope, "scope == null");
    payloads = List.copyOf(payloads);
  }

  public Profile withUuid(String newUuid) {
    return new Profile(
        name, identifier, newUuid, displayName, description, organization, scope, removalDisallowed, payloads);
  }
}
