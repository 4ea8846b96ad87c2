package org.mdeprofiles;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.catalog.CatalogEntry;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.pack.RenderedProfile;
import org.mdeprofiles.plist.PlistDocument;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.validate.ProfileValidator;
import org.mdeprofiles.validate.ValidationOptions;
import org.mdeprofiles.validate.ValidationReport;

/** The library's entry points: generate profiles from the catalog, validate any profile. */
public final class Profiles {
  private static final ProfileValidator VALIDATOR = new ProfileValidator();

  private Profiles() {}

  /**
   * Builds, renders and validates the profiles of {@code entries}. The generator does not trust
   * its templates: each result carries the findings of parsing and validating its own bytes.
   */
  public static List<RenderedProfile> generate(
      GenerateSettings settings, List<CatalogEntry> entries, TemplateRenderer renderer)
      throws RenderException {
    ValidationOptions options = new ValidationOptions(settings.macos());
    List<RenderedProfile> out = new ArrayList<>();
    for (CatalogEntry entry : entries) {
      Profile profile = entry.build(settings);
      byte[] bytes = renderer.render(profile);
      List<Finding> findings;
      try {
        findings = validate(profile.name() + ".mobileconfig", bytes, options).findings();
      } catch (PlistFormatException e) {
        throw new RenderException(
            "the templates rendered " + profile.name() + ".mobileconfig as no property list: "
                + e.getMessage());
      }
      out.add(new RenderedProfile(profile, bytes, findings));
    }
    return out;
  }

  /** Parses and validates one profile's bytes. */
  public static ValidationReport validate(String source, byte[] bytes, ValidationOptions options)
      throws PlistFormatException {
    PlistDocument document = PlistReader.read(bytes);
    List<Finding> findings = new ArrayList<>(document.findings());
    document.root().ifPresent(root -> findings.addAll(VALIDATOR.validate(root, options)));
    return new ValidationReport(source, findings);
  }
}
