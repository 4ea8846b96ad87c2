package org.mdeprofiles.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * XML escaping as Apple's own plist writer does it: only {@code &}, {@code <} and {@code >}
 * become entities; quotes and apostrophes stay literal characters. FreeMarker's XML format also
 * writes {@code &quot;} and {@code &apos;}, which Jamf Pro stores with one entity layer too many
 * in most payloads, so a code requirement would reach the Mac as {@code identifier &quot;...}.
 * Templates never put a value inside an attribute, where a literal quote could end it.
 */
final class PlistXmlOutputFormat extends CommonMarkupOutputFormat<PlistXmlOutputFormat.Markup> {
  static final PlistXmlOutputFormat INSTANCE = new PlistXmlOutputFormat();

  private PlistXmlOutputFormat() {}

  @Override
  public String getName() {
    return "plistXML";
  }

  @Override
  public String getMimeType() {
    return "application/xml";
  }

  @Override
  public void output(String text, Writer out) throws IOException {
    out.write(escapePlainText(text));
  }

  @Override
  public String escapePlainText(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      String entity = switch (text.charAt(i)) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        default -> null;
      };
      if (entity != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (entity == null) {
          out.append(text.charAt(i));
        } else {
          out.append(entity);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return builtInName.equals("xml");
  }

  @Override
  protected Markup newTemplateMarkupOutputModel(String plainText, String markup) {
    return new Markup(plainText, markup);
  }

  /** A piece of plist XML markup, as FreeMarker keeps it between escaping and output. */
  static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
    Markup(String plainText, String markup) {
      super(plainText, markup);
    }

    @Override
    public PlistXmlOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
