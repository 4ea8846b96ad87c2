package org.mdeprofiles;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.catalog.CatalogEntry;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.pack.BundleFile;
import org.mdeprofiles.pack.FileFinding;
import org.mdeprofiles.pack.IntuneTarget;
import org.mdeprofiles.pack.JamfTarget;
import org.mdeprofiles.pack.PlainTarget;
import org.mdeprofiles.pack.ProfileFile;
import org.mdeprofiles.pack.RenderedProfile;
import org.mdeprofiles.pack.TargetOutput;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.validate.ValidationOptions;

/** Makes whole bundles: the catalog's profiles, or given profile files, for every target asked. */
public final class Bundles {
  private Bundles() {}

  /** The files and findings of a bundle; nothing should be written when it {@link #failed()}. */
  public record Result(List<BundleFile> files, List<FileFinding> findings) {
    public Result {
      files = List.copyOf(files);
      findings = List.copyOf(findings);
    }

    public boolean failed() {
      return findings.stream().anyMatch(f -> f.finding().severity() == Severity.ERROR);
    }
  }

  /** Generates the catalog profiles of {@code entries} for every target of {@code request}. */
  public static Result generate(GenerateSettings settings, List<CatalogEntry> entries, BundleRequest request)
      throws RenderException {
    ValidationOptions options = new ValidationOptions(settings.macos());
    List<Profile> profiles = new ArrayList<>();
    for (CatalogEntry entry : entries) {
      profiles.add(entry.build(settings));
    }
    List<FileFinding> findings = new ArrayList<>();
    List<ProfileFile> files = checked(Profiles.render(profiles, request.renderer(), options), findings);
    List<ProfileFile> jamfFiles = files;
    if (request.targets().contains(JamfTarget.NAME)) {
      // Jamf takes the privacy grants merged; only the merged profile is new and needs rendering.
      List<Profile> jamfProfiles = Catalog.forJamf(settings, profiles);
      List<Profile> merged = jamfProfiles.stream().filter(p -> !profiles.contains(p)).toList();
      List<ProfileFile> mergedFiles = checked(Profiles.render(merged, request.renderer(), options), findings);
      jamfFiles = new ArrayList<>();
      for (Profile p : jamfProfiles) {
        jamfFiles.add(profiles.contains(p) ? files.get(profiles.indexOf(p)) : mergedFiles.get(merged.indexOf(p)));
      }
    }
    return pack(files, jamfFiles, request, findings);
  }

  /** Packages profile files that the catalog did not make, as they are. */
  public static Result pack(List<ProfileFile> profiles, BundleRequest request) throws RenderException {
    return pack(profiles, profiles, request, new ArrayList<>());
  }

  private static Result pack(
      List<ProfileFile> profiles, List<ProfileFile> jamfProfiles, BundleRequest request, List<FileFinding> findings)
      throws RenderException {
    List<BundleFile> files = new ArrayList<>();
    if (findings.stream().anyMatch(f -> f.finding().severity() == Severity.ERROR)) {
      return new Result(files, findings);
    }
    if (request.targets().contains(JamfTarget.NAME)) {
      add(JamfTarget.files(jamfProfiles, request.onboarding(), request.jamf(), request.renderer()), files, findings);
    }
    if (request.targets().contains(IntuneTarget.NAME)) {
      add(IntuneTarget.files(profiles, request.onboarding(), request.intune(), request.renderer()), files, findings);
    }
    if (request.targets().contains(PlainTarget.NAME)) {
      files.addAll(PlainTarget.files(profiles, request.onboarding()));
    }
    return new Result(files, findings);
  }

  private static void add(TargetOutput output, List<BundleFile> files, List<FileFinding> findings) {
    files.addAll(output.files());
    findings.addAll(output.findings());
  }

  private static List<ProfileFile> checked(List<RenderedProfile> rendered, List<FileFinding> findings) {
    List<ProfileFile> files = new ArrayList<>();
    for (RenderedProfile r : rendered) {
      for (Finding f : r.findings()) {
        findings.add(new FileFinding(r.fileName(), f));
      }
      files.add(r.file());
    }
    return files;
  }
}
