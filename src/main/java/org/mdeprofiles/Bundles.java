package org.mdeprofiles;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.pack.BundleFile;
import org.mdeprofiles.pack.FileFinding;
import org.mdeprofiles.pack.IntuneTarget;
import org.mdeprofiles.pack.JamfTarget;
import org.mdeprofiles.pack.OutputGate;
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
    // Jamf and Intune take some profiles in their own form: every form is rendered in one
    // parallel pass, and each target gets its own list.
    Map<String, List<Profile>> forms = new LinkedHashMap<>();
    forms.put(PlainTarget.NAME, profiles);
    if (request.targets().contains(JamfTarget.NAME)) {
      forms.put(JamfTarget.NAME, JamfTarget.form(settings, profiles));
    }
    if (request.targets().contains(IntuneTarget.NAME)) {
      forms.put(IntuneTarget.NAME, IntuneTarget.form(settings, profiles));
    }
    // Profiles are told apart by identity: comparing records by value would only cost time.
    Map<Profile, Integer> index = new IdentityHashMap<>();
    List<Profile> all = new ArrayList<>();
    for (List<Profile> form : forms.values()) {
      for (Profile p : form) {
        if (index.putIfAbsent(p, index.size()) == null) {
          all.add(p);
        }
      }
    }
    List<FileFinding> findings = new ArrayList<>();
    List<ProfileFile> rendered =
        checked(Profiles.render(all, request.renderer(), Profiles.validationOptions(settings)), findings);
    Map<String, List<ProfileFile>> files = new LinkedHashMap<>();
    forms.forEach((target, form) -> files.put(target, form.stream().map(p -> rendered.get(index.get(p))).toList()));
    return pack(files, request, findings);
  }

  /** Packages profile files that the catalog did not make, as they are. */
  public static Result pack(List<ProfileFile> profiles, BundleRequest request) throws RenderException {
    return pack(Map.of(PlainTarget.NAME, profiles, JamfTarget.NAME, profiles, IntuneTarget.NAME, profiles), request,
        new ArrayList<>());
  }

  private static Result pack(Map<String, List<ProfileFile>> forms, BundleRequest request, List<FileFinding> findings)
      throws RenderException {
    List<BundleFile> files = new ArrayList<>();
    if (hasError(findings)) {
      return new Result(files, findings);
    }
    if (request.targets().contains(JamfTarget.NAME)) {
      add(JamfTarget.files(forms.get(JamfTarget.NAME), request.onboarding(), request.jamf(), request.renderer(),
          request.signing()),
          files, findings);
    }
    if (request.targets().contains(IntuneTarget.NAME)) {
      add(IntuneTarget.files(forms.get(IntuneTarget.NAME), request.onboarding(), request.intune(),
          request.renderer()), files, findings);
    }
    if (request.targets().contains(PlainTarget.NAME)) {
      files.addAll(PlainTarget.files(forms.get(PlainTarget.NAME), request.onboarding(),
          request.signPlain() ? request.signing() : Optional.empty()));
    }
    findings.addAll(OutputGate.check(files));
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
