package org.mdeprofiles.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * One payload dictionary of a profile, of any type: the common header and the payload's own
 * keys, named as Apple names them.
 *
 * @param content the keys after the header, in the order they are written
 */
public record Payload(PayloadHeader header, PlistDict content) {
  public Payload {
    Objects.requireNonNull(header, "header == null");
    Objects.requireNonNull(content, "content == null");
    for (String key : content.entries().keySet()) {
      if (key.startsWith("Payload")) {
        throw new IllegalArgumentException("content holds header key " + key);
      }
    }
  }

  /** The payload type, such as {@code com.apple.TCC.configuration-profile-policy}. */
  public String type() {
    return header.type();
  }

  /** The same payload with another UUID in its header. */
  public Payload withUuid(String uuid) {
    return new Payload(header.withUuid(uuid), content);
  }

  /** The same header with other content. */
  public Payload withContent(PlistDict newContent) {
    return new Payload(header, newContent);
  }

  /** The whole dictionary as the profile holds it: the header keys, then the content. */
  public PlistDict dictionary() {
    Map<String, PlistValue> all = new LinkedHashMap<>(header.dictionary().entries());
    all.putAll(content.entries());
    return new PlistDict(all);
  }
}
