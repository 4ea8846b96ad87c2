package org.mdeprofiles.pack;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mdeprofiles.model.NameBasedUuid;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.validate.ValidationOptions;

/**
 * One preference domain as Jamf Pro's Application &amp; Custom Settings store it (a
 * {@code com.apple.ManagedClient.preferences} payload), so that settings too can be sent through
 * the Classic API. Rendered, then parsed back and validated like every profile the tool makes.
 */
final class JamfCustomSettings {
  static final String TYPE = "com.apple.ManagedClient.preferences";

  /** The texts and identifier the wrapping profile takes from where the settings come from. */
  record Source(String identifier, String displayName, String description, String organization) {
    static Source of(ProfileFile profile) {
      String organization = profile.root().string("PayloadOrganization");
      return new Source(profile.identifier(), profile.displayName(), profile.description(),
          organization == null ? "" : organization);
    }
  }

  private JamfCustomSettings() {}

  /** The profile, checked; its findings are those of the file it will be sent in. */
  static ProfileFile.Checked wrap(Source source, String domain, PlistDict settings, TemplateRenderer renderer)
      throws RenderException {
    String identifier = source.identifier() + ".custom-settings." + domain;
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("identifier", identifier);
    model.put("uuid", NameBasedUuid.forContent(identifier, PlistDict.of(domain, settings)));
    model.put("payloadUuid", NameBasedUuid.forContent(identifier + ".preferences", PlistDict.of(domain, settings)));
    model.put("displayName", source.displayName());
    model.put("description", source.description());
    model.put("organization", source.organization());
    model.put("domain", domain);
    model.put("settings", settings);
    byte[] bytes = renderer.renderText("jamf/custom-settings.ftlx", model).getBytes(StandardCharsets.UTF_8);
    try {
      return ProfileFile.read(domain + ".custom-settings", bytes, ValidationOptions.DEFAULT);
    } catch (PlistFormatException | ProfileFile.Unreadable e) {
      throw new RenderException(
          "the templates rendered the custom settings of " + domain + " as no profile: " + e.getMessage());
    }
  }
}
