package org.mdeprofiles.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Required.all("name identifier uuid displayName description organization scope", name, identifier, uuid,
        displayName, description, organization, scope);
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
    Map<String, PlistValue> keys = new LinkedHashMap<>(
        new PayloadHeader("Configuration", identifier, uuid, displayName, description, organization).dictionary()
            .entries());
    keys.put("PayloadScope", new PlistString(scope));
    keys.put("PayloadRemovalDisallowed", new PlistBoolean(removalDisallowed));
    keys.put("PayloadContent", new PlistArray(payloads.stream().map(p -> (PlistValue) p.dictionary()).toList()));
    return new PlistDict(keys);
  }
}
