package org.mdeprofiles.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistBoolean;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistString;

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

  public Profile withPayloads(List<Payload> newPayloads) {
    return new Profile(
        name, identifier, uuid, displayName, description, organization, scope, removalDisallowed, newPayloads);
  }

  /**
   * The top-level dictionary with Apple's key names, as the profile file holds it; the UUID left
   * out while it is blank. The file's name is not part of it.
   */
  public PlistDict dictionary() {
    Map<String, PlistValue> keys = new LinkedHashMap<>();
    keys.put("PayloadType", new PlistString("Configuration"));
    keys.put("PayloadVersion", new PlistValue.PlistInteger(java.math.BigInteger.ONE));
    keys.put("PayloadIdentifier", new PlistString(identifier));
    if (!uuid.isEmpty()) {
      keys.put("PayloadUUID", new PlistString(uuid));
    }
    keys.put("PayloadDisplayName", new PlistString(displayName));
    keys.put("PayloadDescription", new PlistString(description));
    keys.put("PayloadOrganization", new PlistString(organization));
    keys.put("PayloadScope", new PlistString(scope));
    keys.put("PayloadRemovalDisallowed", new PlistBoolean(removalDisallowed));
    keys.put("PayloadContent", new PlistArray(payloads.stream().map(p -> (PlistValue) p.dictionary()).toList()));
    return new PlistDict(keys);
  }
}
