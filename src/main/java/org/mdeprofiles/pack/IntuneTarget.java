package org.mdeprofiles.pack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.IntuneOptions;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.io.Json;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.validate.PayloadChannels;

/**
 * Microsoft Intune ({@code intune/}): each profile for Templates &gt; Custom with its Graph API
 * body, the onboarding file, and the upload guide.
 */
public final class IntuneTarget implements MdmTarget {
  public static final String NAME = "intune";
  /** Intune refuses custom profiles of this size and more. */
  public static final int MAX_BYTES = 1_000_000;
  static final String STEP_PROFILES = "step 1: Devices > Configuration > Create > macOS > Templates > Custom";
  static final String STEP_API = "automation: POST /beta/deviceManagement/deviceConfigurations (instead of step 1)";
  static final String STEP_ONBOARDING = "step 2: onboarding (a secret: tenant credentials), deployed last";

  IntuneTarget() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The profiles as Intune takes them: preference payloads out of a profile that gathers them,
   * in their own profiles, since Defender reads its settings only from a profile named
   * {@code com.microsoft.wdav}.
   */
  @Override
  public List<Profile> form(GenerateSettings settings, List<Profile> profiles) {
    return Catalog.split(settings, profiles, p -> !Catalog.isApple(p.type()));
  }

  @Override
  public TargetOutput files(List<ProfileFile> profiles, BundleRequest request) throws RenderException {
    Optional<OnboardingFile> onboarding = request.onboarding();
    IntuneOptions options = request.intune();
    TemplateRenderer renderer = request.renderer();
    List<BundleFile> files = new ArrayList<>();
    List<FileFinding> findings = new ArrayList<>();
    List<Map<String, Object>> uploads = new ArrayList<>();
    for (ProfileFile p : profiles) {
      String path = NAME + "/" + p.fileName();
      byte[] bytes = p.bytes();
      if (bytes.length >= MAX_BYTES) {
        findings.add(new FileFinding(path, Finding.error(PlistPath.root(), "intune.too-large",
            String.valueOf(bytes.length))));
      }
      if (options.deploymentChannel().equals("userChannel")) {
        p.payloadTypes().stream().filter(PayloadChannels::deviceChannelOnly).findFirst().ifPresent(type ->
            findings.add(new FileFinding(path, Finding.error(PlistPath.root(), "intune.user-channel", type))));
      }
      String payloadName = p.preferencesOnly() ? p.payloadTypes().get(0) : p.displayName();
      files.add(new BundleFile(path, bytes, NAME, STEP_PROFILES, Optional.of(p)));
      String graph = p.name() + ".graph.json";
      files.add(new BundleFile(NAME + "/" + graph, graphBody(p, payloadName, options), NAME, STEP_API,
          Optional.empty()));
      uploads.add(Map.of("file", p.fileName(), "graph", graph, "name", p.displayName(),
          "payloadName", payloadName, "preferences", p.preferencesOnly()));
    }
    Optional<Map<String, Object>> onboardingModel = onboarding.map(o -> {
      boolean profile = o.form() == OnboardingFile.Form.PROFILE;
      String file = profile ? "WindowsDefenderATPOnboarding.xml" : OnboardingFile.DOMAIN + ".plist";
      files.add(new BundleFile(NAME + "/" + file, o.bytes(), NAME, STEP_ONBOARDING, Optional.empty(), true));
      return Map.of("file", file, "preferences", !profile);
    });
    Map<String, Object> guide = new LinkedHashMap<>();
    guide.put("uploads", uploads);
    guide.put("onboarding", onboardingModel.orElse(Map.of()));
    guide.put("channel", options.deploymentChannel());
    guide.put("contentFilter", profiles.stream().anyMatch(p -> p.payloadTypes().contains("com.apple.webcontent-filter")));
    guide.put("accessibility", profiles.stream().anyMatch(p -> p.grants("Accessibility")));
    files.add(new BundleFile(NAME + "/UPLOAD.md",
        renderer.renderText("guides/intune.md.ftl", guide).getBytes(StandardCharsets.UTF_8), NAME,
        "the guide to this folder", Optional.empty()));
    return new TargetOutput(files, findings);
  }

  private static byte[] graphBody(ProfileFile p, String payloadName, IntuneOptions options) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.type", "#microsoft.graph.macOSCustomConfiguration");
    body.put("displayName", p.displayName());
    body.put("description", p.description());
    body.put("payloadName", payloadName);
    body.put("payloadFileName", p.fileName());
    body.put("payload", Base64.getEncoder().encodeToString(p.bytes()));
    body.put("deploymentChannel", options.deploymentChannel());
    return Json.write(body).getBytes(StandardCharsets.UTF_8);
  }
}
