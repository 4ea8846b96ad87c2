package org.mdeprofiles;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.catalog.CatalogEntry;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.pack.ProfileFile;
import org.mdeprofiles.pack.RenderedProfile;
import org.mdeprofiles.plist.PlistDocument;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.validate.ProfileValidator;
import org.mdeprofiles.validate.ValidationOptions;
import org.mdeprofiles.validate.ValidationReport;

/** The library's entry points: generate profiles from the catalog, validate any profile. */
public final class Profiles {
  private static final ProfileValidator VALIDATOR = new ProfileValidator();

  private Profiles() {}

  /** Builds the profiles of {@code entries}, then renders and validates them. */
  public static List<RenderedProfile> generate(
      GenerateSettings settings, List<CatalogEntry> entries, TemplateRenderer renderer)
      throws RenderException {
    List<Profile> profiles = new ArrayList<>();
    for (CatalogEntry entry : entries) {
      profiles.add(entry.build(settings));
    }
    return render(profiles, renderer, new ValidationOptions(settings.macos()));
  }

  /**
   * Renders and validates {@code profiles}. The generator does not trust its templates: each
   * result carries the findings of parsing and validating its own bytes.
   */
  public static List<RenderedProfile> render(
      List<Profile> profiles, TemplateRenderer renderer, ValidationOptions options) throws RenderException {
    List<RenderedProfile> out = new ArrayList<>();
    for (Profile profile : profiles) {
      byte[] bytes = renderer.render(profile);
      String fileName = profile.name() + ".mobileconfig";
      try {
        PlistDocument document = PlistReader.read(bytes);
        List<Finding> findings = findings(document, options);
        if (!(document.root().orElse(null) instanceof PlistValue.PlistDict root)) {
          throw new RenderException("the templates rendered " + fileName + " without a root dictionary");
        }
        out.add(new RenderedProfile(profile, new ProfileFile(profile.name(), bytes, root), findings));
      } catch (PlistFormatException e) {
        throw new RenderException(
            "the templates rendered " + fileName + " as no property list: " + e.getMessage());
      }
    }
    return out;
  }

  /** Parses and validates one profile's bytes. */
  public static ValidationReport validate(String source, byte[] bytes, ValidationOptions options)
      throws PlistFormatException {
    return new ValidationReport(source, findings(PlistReader.read(bytes), options));
  }

  private static List<Finding> findings(PlistDocument document, ValidationOptions options) {
    List<Finding> findings = new ArrayList<>(document.findings());
    document.root().ifPresent(root -> findings.addAll(VALIDATOR.validate(root, options)));
    return findings;
  }
}
