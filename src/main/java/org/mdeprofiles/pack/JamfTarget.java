package org.mdeprofiles.pack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.config.IntuneOptions;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.render.TemplateRenderer;

/**
 * Jamf Pro ({@code jamf/}): approval profiles as unsigned {@code .mobileconfig} with a Classic API
 * body each, preference domains as bare plists for Application &amp; Custom Settings, the
 * onboarding file, and the upload guide.
 */
public final class JamfTarget {
  public static final String NAME = "jamf";
  static final String TCC = "com.apple.TCC.configuration-profile-policy";
  static final String STEP_PROFILES = "step 1: Computers > Configuration Profiles > Upload";
  static final String STEP_API = "automation: POST /JSSResource/osxconfigurationprofiles/id/0 (instead of step 1)";
  static final String STEP_SETTINGS = "step 2: Configuration Profiles > New > Application & Custom Settings > Upload";
  static final String STEP_SETTINGS_API =
      "automation: POST /JSSResource/osxconfigurationprofiles/id/0 (instead of step 2)";
  static final String STEP_ONBOARDING = "step 3: onboarding (a secret: tenant credentials), deployed last";

  private JamfTarget() {}

  public static TargetOutput files(
      List<ProfileFile> profiles, Optional<OnboardingFile> onboarding, JamfOptions options, TemplateRenderer renderer)
      throws RenderException {
    List<BundleFile> files = new ArrayList<>();
    List<FileFinding> findings = new ArrayList<>();
    List<Map<String, Object>> uploads = new ArrayList<>();
    List<Map<String, Object>> domains = new ArrayList<>();
    int tccProfiles = 0;
    for (ProfileFile p : profiles) {
      if (p.preferencesOnly()) {
        for (PlistDict payload : p.payloads()) {
          String domain = payload.string("PayloadType");
          String file = domain + ".plist";
          PlistDict settings = withoutPayloadKeys(payload);
          byte[] plist = renderer.renderPreferences(settings);
          files.add(new BundleFile(NAME + "/" + file, plist, NAME, STEP_SETTINGS, Optional.empty()));
          ProfileFile wrapped = JamfCustomSettings.wrap(p, domain, settings, renderer, findings);
          String classic = domain + ".classic.xml";
          files.add(new BundleFile(NAME + "/" + classic,
              JamfClassicBody.render(wrapped, options, renderer).getBytes(StandardCharsets.UTF_8), NAME,
              STEP_SETTINGS_API, Optional.of(wrapped)));
          domains.add(Map.of("file", file, "domain", domain, "classic", classic));
        }
        continue;
      }
      String path = NAME + "/" + p.fileName();
      files.add(new BundleFile(path, p.bytes(), NAME, STEP_PROFILES, Optional.of(p)));
      String classic = p.name() + ".classic.xml";
      files.add(new BundleFile(NAME + "/" + classic,
          JamfClassicBody.render(p, options, renderer).getBytes(StandardCharsets.UTF_8), NAME, STEP_API,
          Optional.empty()));
      uploads.add(Map.of("file", p.fileName(), "classic", classic, "name", p.displayName()));
      mangledStrings(p, path, findings);
      if (p.payloadTypes().contains(TCC) && ++tccProfiles == 2) {
        findings.add(new FileFinding(path, Finding.warning(PlistPath.root(), "jamf.several-tcc")));
      }
    }
    Optional<Map<String, Object>> onboardingModel = onboarding.map(o -> {
      String file = PlainTarget.onboardingName(o);
      files.add(new BundleFile(NAME + "/" + file, o.bytes(), NAME, STEP_ONBOARDING, Optional.empty(), true));
      return Map.of("file", file, "preferences", o.form() == OnboardingFile.Form.PREFERENCES);
    });
    Map<String, Object> guide = new LinkedHashMap<>();
    guide.put("uploads", uploads);
    guide.put("domains", domains);
    guide.put("onboarding", onboardingModel.orElse(Map.of()));
    guide.put("contentFilter", profiles.stream().anyMatch(p -> p.payloadTypes().contains("com.apple.webcontent-filter")));
    guide.put("distributionMethod", options.distributionMethod());
    guide.put("category", options.category().orElse(""));
    guide.put("groups", options.computerGroups());
    files.add(new BundleFile(NAME + "/UPLOAD.md",
        renderer.renderText("guides/jamf.md.ftl", guide).getBytes(StandardCharsets.UTF_8), NAME,
        "the guide to this folder", Optional.empty()));
    return new TargetOutput(files, findings);
  }

  /** The payload's own keys: the preference settings without the payload's identity keys. */
  static PlistDict withoutPayloadKeys(PlistDict payload) {
    Map<String, PlistValue> settings = new LinkedHashMap<>();
    payload.entries().forEach((k, v) -> {
      if (!k.startsWith("Payload")) {
        settings.put(k, v);
      }
    });
    return new PlistDict(settings);
  }

  /** Jamf stores {@code &}, {@code <}, tab and line feed mangled in payloads other than settings. */
  private static void mangledStrings(ProfileFile p, String path, List<FileFinding> findings) {
    List<PlistDict> payloads = p.payloads();
    for (int i = 0; i < payloads.size(); i++) {
      String type = payloads.get(i).string("PayloadType");
      if (type != null && !ProfileFile.isApplePayload(type)) {
        continue;
      }
      walk(payloads.get(i), PlistPath.root().key("PayloadContent").index(i), path, findings);
    }
  }

  private static void walk(PlistValue value, PlistPath at, String file, List<FileFinding> findings) {
    if (value instanceof PlistValue.PlistString s && s.value().matches("(?s).*[&<\t\n].*")) {
      findings.add(new FileFinding(file, Finding.warning(at, "jamf.mangled-string")));
    } else if (value instanceof PlistDict d) {
      d.entries().forEach((k, v) -> walk(v, at.key(k), file, findings));
    } else if (value instanceof PlistValue.PlistArray a) {
      for (int i = 0; i < a.items().size(); i++) {
        walk(a.items().get(i), at.index(i), file, findings);
      }
    }
  }
}
