package org.mdeprofiles.pack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.cms.SigningIdentity;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.render.TemplateRenderer;

/**
 * Jamf Pro ({@code jamf/}): approval profiles as unsigned {@code .mobileconfig} with a Classic API
 * body each, preference domains as bare plists for Application &amp; Custom Settings, the
 * onboarding file, and the upload guide.
 */
public final class JamfTarget implements MdmTarget {
  public static final String NAME = "jamf";
  static final String TCC = "com.apple.TCC.configuration-profile-policy";
  static final String STEP_PROFILES = "step 1: Computers > Configuration Profiles > Upload";
  static final String STEP_API = "automation: POST /JSSResource/osxconfigurationprofiles/id/0 (instead of step 1)";
  static final String STEP_SETTINGS = "step 2: Configuration Profiles > New > Application & Custom Settings > Upload";
  static final String STEP_SETTINGS_API =
      "automation: POST /JSSResource/osxconfigurationprofiles/id/0 (instead of step 2)";
  static final String STEP_SIGNED_DONE =
      "step 1: signed; Computers > Configuration Profiles > Upload in the web interface (no Classic API)";
  static final String STEP_SIGNED =
      "step 1: sign first (an unsigned upload loses payloads), then Computers > Configuration Profiles > Upload";
  static final String STEP_ONBOARDING =
      "step 3: onboarding (a secret: tenant credentials): Application & Custom Settings > Upload, deployed last";
  static final String STEP_ONBOARDING_API =
      "automation: POST /JSSResource/osxconfigurationprofiles/id/0 (instead of step 3; a secret)";

  JamfTarget() {}

  @Override
  public String name() {
    return NAME;
  }

  /** The profiles in the form Jamf Pro takes them ({@link JamfForm}). */
  @Override
  public List<Profile> form(GenerateSettings settings, List<Profile> profiles) {
    return JamfForm.of(settings, profiles);
  }

  @Override
  public TargetOutput files(List<ProfileFile> profiles, BundleRequest request) throws RenderException {
    Optional<OnboardingFile> onboarding = request.onboarding();
    JamfOptions options = request.jamf();
    TemplateRenderer renderer = request.renderer();
    Optional<SigningIdentity> signing = request.signing();
    List<BundleFile> files = new ArrayList<>();
    List<FileFinding> findings = new ArrayList<>();
    List<Map<String, Object>> uploads = new ArrayList<>();
    List<Map<String, Object>> domains = new ArrayList<>();
    int tccProfiles = 0;
    for (ProfileFile p : profiles) {
      if (p.preferencesOnly()) {
        for (int i = 0; i < p.payloads().size(); i++) {
          PlistDict payload = p.payloads().get(i);
          String domain = payload.string("PayloadType");
          if (!isDomainName(domain)) {
            // It names a file of the bundle: nothing but a plain reverse-DNS name may.
            findings.add(new FileFinding(NAME + "/" + p.fileName(), Finding.error(
                PlistPath.root().key("PayloadContent").index(i).key("PayloadType"), "jamf.domain-name")));
            continue;
          }
          PlistDict settings = payload.withoutPayloadKeys();
          customSettings(JamfCustomSettings.Source.of(p), domain, settings, renderer.renderPreferences(settings),
              false, options, renderer, files, findings);
          domains.add(Map.of("file", domain + ".plist", "domain", domain, "classic", domain + ".classic.xml"));
        }
        continue;
      }
      String path = NAME + "/" + p.fileName();
      List<PlistPath> dropped = JamfStorage.droppedUnsigned(p);
      if (dropped.isEmpty()) {
        files.add(new BundleFile(path, p.bytes(), NAME, STEP_PROFILES, Optional.of(p)));
        String classic = p.name() + ".classic.xml";
        files.add(new BundleFile(NAME + "/" + classic,
            JamfClassicBody.render(p, options, renderer).getBytes(StandardCharsets.UTF_8), NAME, STEP_API,
            Optional.empty()));
        uploads.add(Map.of("file", p.fileName(), "classic", classic, "name", p.displayName(), "dropped", "",
            "signed", false));
      } else {
        String what = String.join(", ", dropped.stream().map(PlistPath::toString).toList());
        if (signing.isPresent()) {
          // Signed here: Jamf keeps a signed profile sealed, through the web interface only.
          files.add(new BundleFile(path, SignedFiles.sign(p, signing.get()), NAME, STEP_SIGNED_DONE, Optional.of(p)));
        } else {
          files.add(new BundleFile(path, p.bytes(), NAME, STEP_SIGNED, Optional.of(p)));
          findings.add(new FileFinding(path, Finding.warning(PlistPath.root(), "jamf.needs-signing", what)));
        }
        uploads.add(Map.of("file", p.fileName(), "classic", "", "name", p.displayName(), "dropped", what,
            "signed", signing.isPresent()));
      }
      JamfStorage.alteredStrings(p).forEach(f -> findings.add(new FileFinding(path, f)));
      // A profile that goes signed is kept sealed; only the unsigned ones must share one TCC payload.
      if (dropped.isEmpty() && p.payloadTypes().contains(TCC) && ++tccProfiles == 2) {
        findings.add(new FileFinding(path, Finding.warning(PlistPath.root(), "jamf.several-tcc")));
      }
    }
    Map<String, Object> onboardingModel = new LinkedHashMap<>();
    if (onboarding.isPresent()) {
      OnboardingFile o = onboarding.get();
      PlistDict preferences = o.preferences();
      // The portal's Jamf download is copied byte for byte; the Intune one gives its preferences.
      byte[] plist = o.form() == OnboardingFile.Form.PREFERENCES ? o.bytes() : renderer.renderPreferences(preferences);
      customSettings(ONBOARDING_SOURCE, OnboardingFile.DOMAIN, preferences, plist, true, options, renderer, files,
          findings);
      onboardingModel.put("file", OnboardingFile.DOMAIN + ".plist");
      onboardingModel.put("classic", OnboardingFile.DOMAIN + ".classic.xml");
      onboardingModel.put("domain", OnboardingFile.DOMAIN);
    }
    Map<String, Object> guide = new LinkedHashMap<>();
    guide.put("uploads", uploads);
    guide.put("domains", domains);
    guide.put("onboarding", onboardingModel);
    guide.put("contentFilter", profiles.stream().anyMatch(p -> p.payloadTypes().contains("com.apple.webcontent-filter")));
    guide.put("accessibility", profiles.stream().anyMatch(p -> p.grants("Accessibility")));
    guide.put("distributionMethod", options.distributionMethod());
    guide.put("selfService", JamfClassicBody.selfService(options));
    guide.put("category", options.category().orElse(""));
    guide.put("groups", options.computerGroups());
    files.add(new BundleFile(NAME + "/UPLOAD.md",
        renderer.renderText("guides/jamf.md.ftl", guide).getBytes(StandardCharsets.UTF_8), NAME,
        "the guide to this folder", Optional.empty()));
    return new TargetOutput(files, findings);
  }

  private static final JamfCustomSettings.Source ONBOARDING_SOURCE = new JamfCustomSettings.Source(
      OnboardingFile.DOMAIN, "Microsoft Defender - Onboarding",
      "Onboards Macs to the organisation's Microsoft Defender for Endpoint tenant.", "");

  /**
   * One preference domain for Application &amp; Custom Settings: its plist and the same settings
   * as a Classic API body, each checked, with what Jamf would store changed warned.
   */
  private static void customSettings(
      JamfCustomSettings.Source source, String domain, PlistDict settings, byte[] plist, boolean secret,
      JamfOptions options, TemplateRenderer renderer, List<BundleFile> files, List<FileFinding> findings)
      throws RenderException {
    String step = secret ? STEP_ONBOARDING : STEP_SETTINGS;
    String stepApi = secret ? STEP_ONBOARDING_API : STEP_SETTINGS_API;
    files.add(new BundleFile(NAME + "/" + domain + ".plist", plist, NAME, step, Optional.empty(), secret));
    ProfileFile.Checked wrapped = JamfCustomSettings.wrap(source, domain, settings, renderer);
    String classic = NAME + "/" + domain + ".classic.xml";
    wrapped.findings().forEach(f -> findings.add(new FileFinding(classic, f)));
    JamfStorage.alteredStrings(wrapped.file()).forEach(f -> findings.add(new FileFinding(classic, f)));
    files.add(new BundleFile(classic,
        JamfClassicBody.render(wrapped.file(), options, renderer).getBytes(StandardCharsets.UTF_8), NAME, stepApi,
        secret ? Optional.empty() : Optional.of(wrapped.file()), secret));
  }

  /** A preference domain that can name a file: letters, digits, hyphens and single dots. */
  static boolean isDomainName(String domain) {
    return domain != null && domain.length() <= 255
        && domain.matches("[A-Za-z0-9][A-Za-z0-9-]*+(\\.[A-Za-z0-9][A-Za-z0-9-]*+)*+");
  }
}
