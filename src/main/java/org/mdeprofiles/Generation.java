package org.mdeprofiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mdeprofiles.catalog.CatalogEntry;
import org.mdeprofiles.catalog.FleetNotes;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.pack.BundleRequest;
import org.mdeprofiles.pack.FileFinding;
import org.mdeprofiles.render.RenderException;

/**
 * The generate use case as one library call: Defender's settings checked where the config holds
 * them, the bundle made and read back, every note of the run a finding with a code. Nothing is
 * printed or written; the caller does that with the outcome.
 */
public final class Generation {
  /** The name findings about the bundle as a whole carry in place of a file. */
  public static final String BUNDLE = "bundle";

  private Generation() {}

  /**
   * What a run made.
   *
   * @param settingsFindings the findings of the settings alone, said before the bundle's
   * @param refusal why the settings alone forbid writing anything, when they do
   * @param bundle the bundle and its findings, the run's notes among them (empty when refused)
   */
  public record Outcome(List<FileFinding> settingsFindings, Optional<String> refusal, Bundles.Result bundle) {
    public Outcome {
      settingsFindings = List.copyOf(settingsFindings);
      Objects.requireNonNull(refusal, "refusal == null");
      Objects.requireNonNull(bundle, "bundle == null");
    }
  }

  /**
   * Checks {@code settings} (named {@code source} in findings) and, with {@code settingsSchema},
   * against that JSON Schema too; then makes the bundle of {@code entries} for {@code request}.
   */
  public static Outcome run(GenerateSettings settings, List<CatalogEntry> entries, BundleRequest request,
      String source, Optional<Path> settingsSchema) throws RenderException, InputException {
    List<Finding> said = SettingsFindings.check(settings);
    List<FileFinding> settingsFindings = new ArrayList<>(said.stream().map(f -> new FileFinding(source, f)).toList());
    Bundles.Result none = new Bundles.Result(List.of(), List.of());
    if (hasError(said)) {
      return new Outcome(settingsFindings, Optional.of("Defender would ignore or misread these settings"), none);
    }
    if (settingsSchema.isPresent()) {
      List<Finding> schema = SettingsSchema.check(settingsSchema.get(), settings);
      schema.forEach(f -> settingsFindings.add(new FileFinding("settings", f)));
      if (hasError(schema)) {
        return new Outcome(settingsFindings, Optional.of("the settings do not match the settings schema"), none);
      }
    }
    Bundles.Result result = SettingsFindings.withoutRepeats(
        Bundles.generate(settings, Profiles.build(settings, entries), request), said);
    List<FileFinding> findings = new ArrayList<>();
    FleetNotes.of(settings, entries, Profiles.validationOptions(settings).newest().orElseThrow())
        .forEach(n -> findings.add(new FileFinding(n.profile() + ".mobileconfig", n.finding())));
    findings.addAll(result.findings());
    if (request.onboarding().isEmpty()) {
      findings.add(new FileFinding(BUNDLE, Finding.info(PlistPath.root(), "bundle.no-onboarding")));
    }
    return new Outcome(settingsFindings, Optional.empty(), new Bundles.Result(result.files(), findings));
  }

  private static boolean hasError(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
