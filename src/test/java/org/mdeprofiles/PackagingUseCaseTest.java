package org.mdeprofiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.config.IntuneOptions;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.render.TemplateRenderer;

/** The package use case is a library call that returns data: files and findings, nothing printed. */
class PackagingUseCaseTest {
  @TempDir Path dir;

  private Packaging.Outcome run(boolean allowInvalid, Path... files) throws Exception {
    return Packaging.run(java.util.Arrays.stream(files).map(Path::toString).toList(), List.of("intune"),
        JamfOptions.DEFAULT, IntuneOptions.DEFAULT, new TemplateRenderer(Optional.empty()), allowInvalid);
  }

  @Test
  void aValidProfileComesBackAsTheTargetsFiles() throws Exception {
    Path kext = dir.resolve("kext.mobileconfig");
    Files.copy(Path.of("samples/default/expected/plain/kext.mobileconfig"), kext);
    Packaging.Outcome outcome = run(false, kext);
    assertEquals(Optional.empty(), outcome.refusal());
    assertEquals(List.of("intune/kext.mobileconfig", "intune/kext.graph.json", "intune/UPLOAD.md"),
        outcome.bundle().files().stream().map(f -> f.path()).toList());
  }

  @Test
  void invalidProfilesAreRefusedUnlessAllowedAndTheirFindingsComeBack() throws Exception {
    Path bad = dir.resolve("bad.mobileconfig");
    Files.writeString(bad, Files.readString(Path.of("samples/default/expected/plain/kext.mobileconfig"))
        .replaceFirst("<false/>", "<integer>0</integer>"));
    Packaging.Outcome refused = run(false, bad);
    assertEquals(Optional.of("refusing to package invalid profiles (use --allow-invalid to package them anyway)"),
        refused.refusal());
    assertEquals(List.of(), refused.bundle().files());
    assertEquals("key.type", refused.inputFindings().get(0).finding().code());
    assertEquals(bad.toString(), refused.inputFindings().get(0).file());
    assertEquals(Optional.empty(), run(true, bad).refusal());
  }

  @Test
  void twoProfilesOfOneNameAreAConflict() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a")).resolve("kext.mobileconfig");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("kext.mobileconfig");
    Files.copy(Path.of("samples/default/expected/plain/kext.mobileconfig"), a);
    Files.copy(Path.of("samples/default/expected/plain/kext.mobileconfig"), b);
    assertEquals("two profiles would both be packaged as kext.mobileconfig",
        assertThrows(Packaging.Conflict.class, () -> run(false, a, b)).getMessage());
  }
}
