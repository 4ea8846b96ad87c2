package org.mdeprofiles.pack;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.render.TemplateRenderer;

/**
 * The Classic API body for one profile. Jamf decodes the {@code <payloads>} text one entity layer
 * more than XML does, so the plist goes in as CDATA with every {@code &} escaped once more; after
 * Jamf's extra decoding the stored plist equals the file, byte for byte.
 */
public final class JamfClassicBody {
  private JamfClassicBody() {}

  static String render(ProfileFile profile, JamfOptions options, TemplateRenderer renderer) throws RenderException {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", profile.displayName());
    model.put("description", profile.description());
    model.put("category", options.category().orElse(""));
    model.put("distributionMethod", options.distributionMethod());
    model.put("redeployOnUpdate", options.redeployOnUpdate());
    model.put("computerGroups", options.computerGroups());
    model.put("selfService", selfService(options));
    model.put("payloads", cdata(new String(profile.bytes(), StandardCharsets.UTF_8)));
    return renderer.renderText("jamf/classic.ftlx", model);
  }

  /** True when the profile is offered in Self Service rather than installed automatically. */
  static boolean selfService(JamfOptions options) {
    return options.distributionMethod().equals("Make Available in Self Service");
  }

  /** The plist as CDATA, {@code &} escaped once more and any {@code ]]>} split across sections. */
  static String cdata(String plist) {
    String escaped = plist.replace("&", "&amp;").replace("]]>", "]]]]><![CDATA[>");
    return "<![CDATA[" + escaped + "]]>";
  }

  /**
   * The inverse of {@link #cdata}, as Jamf reads a body: the text of {@code <payloads>}, its CDATA
   * sections joined, then Jamf's one more decoding of {@code &amp;}.
   */
  public static String payload(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    int start = text.indexOf("<payloads>");
    int end = text.indexOf("</payloads>");
    if (start < 0 || end < start) {
      return "";
    }
    String inner = text.substring(start + "<payloads>".length(), end);
    StringBuilder out = new StringBuilder();
    int at = 0;
    while ((at = inner.indexOf("<![CDATA[", at)) >= 0) {
      int close = inner.indexOf("]]>", at);
      out.append(inner, at + 9, close);
      at = close + 3;
    }
    return out.toString().replace("&amp;", "&");
  }
}
