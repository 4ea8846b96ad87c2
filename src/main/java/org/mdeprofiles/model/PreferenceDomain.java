package org.mdeprofiles.model;

import java.util.Objects;
import org.mdeprofiles.plist.PlistValue;

/**
 * An app's managed preferences as a payload whose type is the preference domain (such as
 * {@code com.microsoft.wdav}); the settings become the payload's own keys.
 */
public record PreferenceDomain(PayloadHeader header, PlistValue.PlistDict settings) implements Payload {
  public PreferenceDomain {
    Objects.requireNonNull(header, "header == null");
    Objects.requireNonNull(settings, "settings == null");
  }

  /** The preference domain, which is also the payload type. */
  public String domain() {
    return header.type();
  }

  @Override
  public String template() {
    return "preference-domain";
  }

  @Override
  public PreferenceDomain withUuid(String uuid) {
    return new PreferenceDomain(header.withUuid(uuid), settings);
  }
}
