package org.mdeprofiles.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.log.Logger;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.plist.PlistValue;

/**
 * Renders profiles with FreeMarker: the templates packaged in the jar, each of which a file of
 * the same name in an override folder replaces.
 */
public final class TemplateRenderer {
  private static final String LOGGER_LIBRARY = Logger.SYSTEM_PROPERTY_NAME_LOGGER_LIBRARY;
  private static final String BUILT_IN = "/org/mdeprofiles/templates";

  static {
    // FreeMarker otherwise probes for SLF4J, Log4j and others, then sets up java.util.logging, on
    // every start (about 10 ms); the renderer reports every template error itself. A caller that
    // wants FreeMarker's log sets the property first.
    if (System.getProperty(LOGGER_LIBRARY) == null) {
      System.setProperty(LOGGER_LIBRARY, Logger.LIBRARY_NAME_NONE);
    }
  }

  private final Configuration configuration;

  /** A renderer using the packaged templates, overridden by those in {@code overrides}. */
  public TemplateRenderer(Optional<Path> overrides) throws IOException {
    configuration = new Configuration(Configuration.VERSION_2_3_34);
    TemplateLoader builtIn = new ClassTemplateLoader(TemplateRenderer.class, BUILT_IN);
    if (overrides.isPresent()) {
      TemplateLoader user = new FileTemplateLoader(overrides.get().toFile());
      configuration.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {user, builtIn}));
    } else {
      configuration.setTemplateLoader(builtIn);
    }
    // Templates read record components as properties: ${profile.identifier}.
    configuration.setObjectWrapper(new RecordWrapper());
    // .ftlx templates write plist XML escaped as Apple's writer does (PlistXmlOutputFormat);
    // the others (guides) are plain text.
    configuration.setRecognizeStandardFileExtensions(false);
    configuration.setRegisteredCustomOutputFormats(List.of(PlistXmlOutputFormat.INSTANCE));
    TemplateConfiguration plistXml = new TemplateConfiguration();
    plistXml.setOutputFormat(PlistXmlOutputFormat.INSTANCE);
    configuration.setTemplateConfigurations(
        new ConditionalTemplateConfigurationFactory(new FileExtensionMatcher("ftlx"), plistXml));
    configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
    configuration.setOutputEncoding(StandardCharsets.UTF_8.name());
    configuration.setLocale(Locale.ROOT);
    configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
    configuration.setNumberFormat("computer");
    configuration.setBooleanFormat("c");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    // Templates, overrides among them, may only render: no ?new (which could run a program through
    // freemarker.template.utility.Execute), no ?api.
    configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    configuration.setAPIBuiltinEnabled(false);
  }

  /** Parses the named templates now, so that rendering later only runs them. */
  public TemplateRenderer preload(Iterable<String> templateNames) throws RenderException {
    for (String name : templateNames) {
      try {
        configuration.getTemplate(name);
      } catch (ParseException e) {
        throw syntaxError(e);
      } catch (IOException e) {
        throw new RenderException("cannot read template " + name + ": " + firstLine(e.getMessage()));
      }
    }
    return this;
  }

  /** The profile as UTF-8 bytes with LF line endings. */
  public byte[] render(Profile profile) throws RenderException {
    return render("profile.ftlx", Map.of("profile", profile));
  }

  /** A bare property list holding {@code dict}, as Jamf's custom settings upload takes it. */
  public byte[] renderPreferences(PlistValue.PlistDict dict) throws RenderException {
    return render("preferences.ftlx", Map.of("settings", dict));
  }

  /** Any other template of the set (guides, API bodies), with {@code model} as its data. */
  public String renderText(String templateName, Map<String, Object> model) throws RenderException {
    return new String(render(templateName, model), StandardCharsets.UTF_8);
  }

  private byte[] render(String templateName, Map<String, Object> model) throws RenderException {
    StringWriter out = new StringWriter();
    try {
      Template template = configuration.getTemplate(templateName);
      template.process(model, out);
    } catch (ParseException e) {
      throw syntaxError(e);
    } catch (TemplateException e) {
      if (rootCause(e) instanceof ParseException p) {
        throw syntaxError(p);
      }
      throw new RenderException(
          "template " + e.getTemplateSourceName() + " line " + e.getLineNumber() + ": "
              + firstLine(e.getMessageWithoutStackTop()));
    } catch (IOException e) {
      throw new RenderException("cannot read template " + templateName + ": " + firstLine(e.getMessage()));
    }
    return out.toString().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static RenderException syntaxError(ParseException e) {
    return new RenderException(
        "template " + e.getTemplateName() + " line " + e.getLineNumber() + ": "
            + firstLine(e.getEditorMessage()));
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String trimmed = message.strip();
    int nl = trimmed.indexOf('\n');
    return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
  }
}
