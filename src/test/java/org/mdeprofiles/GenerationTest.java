package org.mdeprofiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.IntuneOptions;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.pack.BundleRequest;
import org.mdeprofiles.pack.FileFinding;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.render.TemplateRenderer;

/** The generate use case is a library call that returns data: files and findings, nothing printed. */
class GenerationTest {
  private static BundleRequest request() throws Exception {
    return new BundleRequest(List.of("plain"), Optional.empty(), JamfOptions.DEFAULT, IntuneOptions.DEFAULT,
        new TemplateRenderer(Optional.empty()));
  }

  @Test
  void theDefaultBundleComesBackAsFilesAndCodedFindings() throws Exception {
    Generation.Outcome outcome = Generation.run(GenerateSettings.defaults(), TestCatalog.defaults(), request(),
        "settings", Optional.empty());
    assertEquals(Optional.empty(), outcome.refusal());
    assertEquals(TestCatalog.defaultNames().stream().map(n -> "plain/" + n + ".mobileconfig").toList(),
        outcome.bundle().files().stream().map(f -> f.path()).toList());
    // Every note of the run is a finding with a code, the missing onboarding file among them.
    List<String> codes = outcome.bundle().findings().stream().map(f -> f.finding().code()).toList();
    assertEquals("bundle.no-onboarding", codes.get(codes.size() - 1));
    assertEquals(Generation.BUNDLE, outcome.bundle().findings().get(codes.size() - 1).file());
    assertTrue(codes.contains("fleet.accessibility-user-control"), codes.toString());
  }

  @Test
  void settingsDefenderWouldMisreadRefuseTheRunBeforeAnythingIsMade() throws Exception {
    GenerateSettings d = GenerateSettings.defaults();
    GenerateSettings misread = new GenerateSettings(d.organization(), d.prefix(), d.removalDisallowed(), d.macos(),
        d.newestMacos(), d.kext(), d.sysextNonRemovable(), d.notifications(), d.autoUpdate(),
        PlistValue.PlistDict.of("antivirusEngine", PlistValue.PlistDict.of("enforcementLevel",
            new PlistValue.PlistString("realtime"))), d.text());
    Generation.Outcome outcome = Generation.run(misread, TestCatalog.defaults(), request(), "c.yaml",
        Optional.empty());
    assertEquals(Optional.of("Defender would ignore or misread these settings"), outcome.refusal());
    assertEquals(List.of(), outcome.bundle().files());
    FileFinding f = outcome.settingsFindings().get(0);
    assertEquals("c.yaml", f.file());
    assertEquals("settings.antivirusEngine.enforcementLevel", f.finding().path().toString());
  }
}
