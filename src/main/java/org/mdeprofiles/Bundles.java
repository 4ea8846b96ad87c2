package org.mdeprofiles;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.catalog.Catalog;
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
      return hasError(findings);
    }
  }

  /** Renders, checks and packages {@code profiles} for every target of {@code request}. */
  public static Result generate(GenerateSettings settings, List<Profile> profiles, BundleRequest request)
      throws RenderException {
    // Jamf takes the privacy grants merged: the merged profile is rendered with the others, in
    // one parallel pass, and only Jamf gets it.
    List<Profile> jamfProfiles = request.targets().contains(JamfTarget.NAME)
        ? Catalog.forJamf(settings, profiles) : profiles;
    // Profiles are told apart by identity: comparing records by value would only cost time.
    Map<Profile, Integer> index = new IdentityHashMap<>();
    List<Profile> all = new ArrayList<>(profiles);
    profiles.forEach(p -> index.put(p, index.size()));
    for (Profile p : jamfProfiles) {
      if (index.putIfAbsent(p, index.size()) == null) {
        all.add(p);
      }
    }
    List<FileFinding> findings = new ArrayList<>();
    List<ProfileFile> rendered =
        checked(Profiles.render(all, request.renderer(), new ValidationOptions(settings.macos())), findings);
    List<ProfileFile> jamfFiles = new ArrayList<>();
    for (Profile p : jamfProfiles) {
      jamfFiles.add(rendered.get(index.get(p)));
    }
    return pack(rendered.subList(0, profiles.size()), jamfFiles, request, findings);
  }

  /** Packages profile files that the catalog did not make, as they are. */
  public static Result pack(List<ProfileFile> profiles, BundleRequest request) throws RenderException {
    return pack(profiles, profiles, request, new ArrayList<>());
  }

  private static Result pack(
      List<ProfileFile> profiles, List<ProfileFile> jamfProfiles, BundleRequest request, List<FileFinding> findings)
      throws RenderException {
    List<BundleFile> files = new ArrayList<>();
    if (hasError(findings)) {
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

  private static boolean hasError(List<FileFinding> findings) {
    return findings.stream().anyMatch(f -> f.finding().severity() == Severity.ERROR);
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
