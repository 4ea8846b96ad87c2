package org.mdeprofiles.model;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistInteger;
import org.mdeprofiles.plist.PlistValue.PlistString;

/** The keys every payload dictionary carries (Apple's common payload keys). */
public record PayloadHeader(
    String type, String identifier, String uuid, String displayName, String description, String organization) {
  public PayloadHeader {
    Required.all("type identifier uuid displayName description organization", type, identifier, uuid, displayName,
        description, organization);
  }

  /** The same header with another UUID (UUIDs are derived from the rest of the content). */
  public PayloadHeader withUuid(String newUuid) {
    return new PayloadHeader(type, identifier, newUuid, displayName, description, organization);
  }

  /** The header's keys in the order a profile writes them; the UUID left out while it is blank. */
  public PlistDict dictionary() {
    Map<String, PlistValue> keys = new LinkedHashMap<>();
    keys.put("PayloadType", new PlistString(type));
    keys.put("PayloadVersion", new PlistInteger(BigInteger.ONE));
    keys.put("PayloadIdentifier", new PlistString(identifier));
    if (!uuid.isEmpty()) {
      keys.put("PayloadUUID", new PlistString(uuid));
    }
    keys.put("PayloadDisplayName", new PlistString(displayName));
    keys.put("PayloadDescription", new PlistString(description));
    keys.put("PayloadOrganization", new PlistString(organization));
    return new PlistDict(keys);
  }
}
