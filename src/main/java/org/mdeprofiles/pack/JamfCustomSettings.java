package org.mdeprofiles.pack;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.finding.Finding;
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
  private JamfCustomSettings() {}

  static ProfileFile wrap(
      ProfileFile source, String domain, PlistDict settings, TemplateRenderer renderer, List<FileFinding> findings)
      throws RenderException {
    String identifier = source.identifier() + ".custom-settings." + domain;
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("identifier", identifier);
    model.put("uuid", NameBasedUuid.forContent(identifier, List.of(domain, settings)));
    model.put("payloadUuid", NameBasedUuid.forContent(identifier + ".preferences", List.of(domain, settings)));
    model.put("displayName", source.displayName());
    model.put("description", source.description());
    model.put("organization", source.root().string("PayloadOrganization") == null
        ? "" : source.root().string("PayloadOrganization"));
    model.put("domain", domain);
    model.put("settings", settings);
    byte[] bytes = renderer.renderText("jamf/custom-settings.ftlx", model).getBytes(StandardCharsets.UTF_8);
    try {
      ProfileFile.Checked checked = ProfileFile.read(domain + ".custom-settings", bytes, ValidationOptions.DEFAULT);
      for (Finding f : checked.findings()) {
        findings.add(new FileFinding(JamfTarget.NAME + "/" + domain + ".classic.xml", f));
      }
      return checked.file();
    } catch (PlistFormatException e) {
      throw new RenderException(
          "the templates rendered the custom settings of " + domain + " as no profile: " + e.getMessage());
    }
  }
}
