package org.mdeprofiles;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.pack.BundleFile;
import org.mdeprofiles.pack.BundleRequest;
import org.mdeprofiles.pack.MdmTarget;
import org.mdeprofiles.pack.FileFinding;
import org.mdeprofiles.pack.OutputGate;
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
    // A target may take some profiles in its own form: every form is rendered in one parallel
    // pass, and each target gets its own list.
    Map<MdmTarget, List<Profile>> forms = new LinkedHashMap<>();
    for (MdmTarget target : targets(request)) {
      forms.put(target, target.form(settings, profiles));
    }
    // Profiles are told apart by identity: comparing records by value would only cost time.
    // The catalog's own form first, so findings come in catalog order whatever the targets.
    Map<Profile, Integer> index = new IdentityHashMap<>();
    List<Profile> all = new ArrayList<>();
    List<List<Profile>> everyForm = new ArrayList<>(List.of(profiles));
    everyForm.addAll(forms.values());
    for (List<Profile> form : everyForm) {
      for (Profile p : form) {
        if (index.putIfAbsent(p, index.size()) == null) {
          all.add(p);
        }
      }
    }
    List<FileFinding> findings = new ArrayList<>();
    List<ProfileFile> rendered =
        checked(Profiles.render(all, request.renderer(), Profiles.validationOptions(settings)), findings);
    Map<MdmTarget, List<ProfileFile>> files = new LinkedHashMap<>();
    forms.forEach((target, form) -> files.put(target, form.stream().map(p -> rendered.get(index.get(p))).toList()));
    return pack(files, request, findings);
  }

  /** Packages profile files that the catalog did not make, as they are. */
  public static Result pack(List<ProfileFile> profiles, BundleRequest request) throws RenderException {
    Map<MdmTarget, List<ProfileFile>> files = new LinkedHashMap<>();
    targets(request).forEach(t -> files.put(t, profiles));
    return pack(files, request, new ArrayList<>());
  }

  /** The targets {@code request} asks for, in the order their folders are written. */
  private static List<MdmTarget> targets(BundleRequest request) {
    return MdmTarget.ALL.stream().filter(t -> request.targets().contains(t.name())).toList();
  }

  private static Result pack(Map<MdmTarget, List<ProfileFile>> forms, BundleRequest request,
      List<FileFinding> findings) throws RenderException {
    List<BundleFile> files = new ArrayList<>();
    if (hasError(findings)) {
      return new Result(files, findings);
    }
    for (Map.Entry<MdmTarget, List<ProfileFile>> form : forms.entrySet()) {
      TargetOutput output = form.getKey().files(form.getValue(), request);
      files.addAll(output.files());
      findings.addAll(output.findings());
    }
    findings.addAll(OutputGate.check(files));
    return new Result(files, findings);
  }

  private static boolean hasError(List<FileFinding> findings) {
    return findings.stream().anyMatch(f -> f.finding().severity() == Severity.ERROR);
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
