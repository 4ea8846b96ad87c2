package org.mdeprofiles.catalog;

import java.util.function.Function;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.Payload;
import org.mdeprofiles.model.PayloadHeader;
import org.mdeprofiles.model.Required;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * One payload a catalog profile holds: its type, its identifier's last part, its texts, and how
 * its keys follow from the settings.
 *
 * @param suffix what the payload identifier adds to the profile's ({@code system-extension-policy})
 */
public record PayloadDefinition(
    String type, String suffix, String displayName, String description, Function<GenerateSettings, PlistDict> content) {
  public PayloadDefinition {
    Required.all("type suffix displayName description content", type, suffix, displayName, description, content);
  }

  /** The payload as profile {@code profileName} holds it, its UUID still blank. */
  Payload build(GenerateSettings settings, String profileName) {
    return new Payload(header(settings, profileName), content.apply(settings));
  }

  /** The header this payload has inside profile {@code profileName}. */
  PayloadHeader header(GenerateSettings settings, String profileName) {
    return new PayloadHeader(type, Envelope.identifier(settings, profileName) + "." + suffix, "", displayName,
        description, settings.organization());
  }
}
