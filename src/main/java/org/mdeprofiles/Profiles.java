package org.mdeprofiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.mdeprofiles.catalog.CatalogEntry;
import org.mdeprofiles.cms.SignatureFindings;
import org.mdeprofiles.cms.SignatureFormatException;
import org.mdeprofiles.cms.SignedProfile;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.pack.ProfileFile;
import org.mdeprofiles.pack.RenderedProfile;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistDocument;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.validate.ProfileValidator;
import org.mdeprofiles.validate.SettingsCheck;
import org.mdeprofiles.validate.ValidationOptions;
import org.mdeprofiles.validate.ValidationReport;

/** The library's entry points: generate profiles from the catalog, validate any profile. */
public final class Profiles {
  private Profiles() {}

  /**
   * Does, on the calling thread, the start-up work that validating needs: the XML parser, the plist
   * library, the specs every profile needs, then those of the payload types {@code payloadTypes}
   * gives once it is known. A command runs it beside its main work, so that a cold start uses both
   * cores; a spec it did not load is loaded when first needed.
   */
  public static void warmUp(Future<? extends Iterable<String>> payloadTypes)
      throws InterruptedException, ExecutionException {
    try {
      PlistReader.read("<plist version=\"1.0\"><dict><key>k</key><string>v</string></dict></plist>"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (PlistFormatException e) {
      throw new IllegalStateException("the XML parser rejects a valid plist", e);
    }
    ProfileValidator.preload(List.of()); // the specs every profile needs, while the choice is made
    ProfileValidator.preload(payloadTypes.get());
  }

  /** The catalog profiles of {@code entries}, built with their UUIDs (no templates needed yet). */
  public static List<Profile> build(GenerateSettings settings, List<CatalogEntry> entries) {
    List<Profile> profiles = new ArrayList<>();
    for (CatalogEntry entry : entries) {
      profiles.add(entry.build(settings));
    }
    return profiles;
  }

  /** Builds the profiles of {@code entries}, then renders and validates them. */
  public static List<RenderedProfile> generate(
      GenerateSettings settings, List<CatalogEntry> entries, TemplateRenderer renderer)
      throws RenderException {
    return render(build(settings, entries), renderer, validationOptions(settings));
  }

  /**
   * Renders and validates {@code profiles}. The generator does not trust its templates: each
   * result carries the findings of parsing and validating its own bytes.
   */
  public static List<RenderedProfile> render(
      List<Profile> profiles, TemplateRenderer renderer, ValidationOptions options) throws RenderException {
    // Profiles are independent: render and check them on every core, keeping their order.
    List<Object> results = profiles.parallelStream().map(p -> {
      try {
        return (Object) render(p, renderer, options);
      } catch (RenderException e) {
        return e;
      }
    }).toList();
    List<RenderedProfile> out = new ArrayList<>();
    for (Object result : results) {
      if (result instanceof RenderException e) {
        throw e;
      }
      out.add((RenderedProfile) result);
    }
    return out;
  }

  private static RenderedProfile render(Profile profile, TemplateRenderer renderer, ValidationOptions options)
      throws RenderException {
    byte[] bytes = renderer.render(profile);
    try {
      ProfileFile.Checked checked = ProfileFile.read(profile.name(), bytes, options);
      return new RenderedProfile(profile, checked.file(), checked.findings());
    } catch (PlistFormatException | ProfileFile.Unreadable e) {
      throw new RenderException(
          "the templates rendered " + profile.name() + ".mobileconfig as no profile: " + e.getMessage());
    }
  }

  /** How the profiles of {@code settings} are validated: for its fleet's oldest and newest macOS. */
  public static ValidationOptions validationOptions(GenerateSettings settings) {
    return new ValidationOptions(settings.macos(),
        Optional.of(settings.newestMacos().orElse(ValidationOptions.NEWEST_KNOWN)));
  }

  /**
   * A bare preference list named after a domain the project has a spec of (Jamf's
   * {@code com.microsoft.wdav.plist}) is checked against that spec instead of passed over.
   */
  private static List<Finding> preferences(
      String source, PlistDocument document, List<Finding> checked, ValidationOptions options) {
    String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    String domain = name.endsWith(".plist") ? name.substring(0, name.length() - ".plist".length()) : "";
    if (!(document.root().orElse(null) instanceof PlistDict root)
        || checked.stream().noneMatch(f -> f.code().equals("profile.bare-preferences"))
        || !SettingsCheck.knows(domain)) {
      return checked;
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : checked) {
      if (f.code().equals("profile.bare-preferences")) {
        out.add(Finding.info(PlistPath.root(), "profile.domain-preferences", domain));
        out.addAll(SettingsCheck.check(domain, root, options, PlistPath.root()));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Parses and validates one profile's bytes: an XML or binary plist, or a CMS-signed profile,
   * whose signature is reported and whose content is validated.
   */
  public static ValidationReport validate(String source, byte[] bytes, ValidationOptions options)
      throws PlistFormatException {
    return validate(source, bytes, options, java.time.Instant.now());
  }

  /** As {@link #validate(String, byte[], ValidationOptions)}, judging certificate expiry at {@code now}. */
  public static ValidationReport validate(
      String source, byte[] bytes, ValidationOptions options, java.time.Instant now) throws PlistFormatException {
    List<Finding> findings = new ArrayList<>();
    byte[] plist = bytes;
    if (SignedProfile.looksSigned(bytes)) {
      SignedProfile signed;
      try {
        signed = SignedProfile.unwrap(bytes);
      } catch (SignatureFormatException e) {
        throw new PlistFormatException(e.getMessage());
      }
      // Every signer is checked: one bad signature among good ones makes the profile fail, as
      // it does for macOS and for OpenSSL.
      for (SignedProfile.Signer signer : signed.signers()) {
        findings.addAll(SignatureFindings.of(signer, now, options.trust()));
      }
      plist = signed.content();
    }
    PlistDocument document = PlistReader.read(plist);
    List<Finding> checked = preferences(source, document, ProfileValidator.check(document, options), options);
    if (document.root().orElse(null) instanceof PlistDict root && OnboardingFile.formOf(root).isPresent()) {
      // The onboarding file is a secret: its problems are counted, never quoted (a key name or a
      // malformed value could be part of it).
      // What says only how the file was read (its name, its form) is kept as it is.
      checked = checked.stream().map(f -> f.code().equals("profile.domain-preferences") ? f
          : Finding.of(f.severity(), PlistPath.root(), "onboarding.redacted", f.code())).toList();
    }
    findings.addAll(checked);
    return new ValidationReport(source, findings);
  }
}
