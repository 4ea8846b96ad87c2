package org.mdeprofiles.model;

import java.util.Objects;

/** The keys every payload dictionary carries (Apple's common payload keys). */
public record PayloadHeader(
    String type, String identifier, String uuid, String displayName, String description, String organization) {
  public PayloadHeader {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(identifier, "identifier == null");
    Objects.requireNonNull(uuid, "uuid == null");
    Objects.requireNonNull(displayName, "displayName == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(organization, "organization == null");
  }

  /** The same header with another UUID (UUIDs are derived from the rest of the content). */
  public PayloadHeader withUuid(String newUuid) {
    return new PayloadHeader(type, identifier, newUuid, displayName, description, organization);
  }
}
