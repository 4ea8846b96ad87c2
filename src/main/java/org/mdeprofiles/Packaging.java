package org.mdeprofiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mdeprofiles.cms.SignedProfile;
import org.mdeprofiles.config.IntuneOptions;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.pack.BundleRequest;
import org.mdeprofiles.pack.FileFinding;
import org.mdeprofiles.pack.ProfileFile;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.validate.ValidationOptions;

/**
 * The package use case as one library call: profile files from elsewhere read and validated, an
 * onboarding file among them recognised (a secret: never validated aloud), and the bundle made for
 * the targets. Nothing is printed or written; the caller does that with the outcome.
 */
public final class Packaging {
  private Packaging() {}

  /** Two inputs that cannot go into one bundle together: a conflict of the caller's arguments. */
  public static final class Conflict extends Exception {
    Conflict(String message) {
      super(message);
    }
  }

  /**
   * What a run made.
   *
   * @param inputFindings what reading and validating the inputs found, file by file, in order
   * @param refusal why nothing may be written, when the inputs forbid it
   * @param bundle the bundle and its findings (empty when refused)
   */
  public record Outcome(List<FileFinding> inputFindings, Optional<String> refusal, Bundles.Result bundle) {
    public Outcome {
      inputFindings = List.copyOf(inputFindings);
      Objects.requireNonNull(refusal, "refusal == null");
      Objects.requireNonNull(bundle, "bundle == null");
    }
  }

  /** Packages {@code files} for {@code targets}; invalid profiles only with {@code allowInvalid}. */
  public static Outcome run(List<String> files, List<String> targets, JamfOptions jamf, IntuneOptions intune,
      TemplateRenderer renderer, boolean allowInvalid) throws InputException, Conflict, RenderException {
    Optional<OnboardingFile> onboarding = Optional.empty();
    List<ProfileFile> profiles = new ArrayList<>();
    List<FileFinding> findings = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean invalid = false;
    boolean unpackable = false;
    for (String arg : files) {
      Path path = Path.of(arg);
      byte[] bytes = InputFiles.read(path);
      if (SignedProfile.looksSigned(bytes)) {
        throw new InputException(arg, "is CMS-signed; upload a signed profile as it is (package takes unsigned"
            + " profiles, whose text the MDM bodies carry)");
      }
      Optional<OnboardingFile> asOnboarding = onboarding(arg, bytes);
      if (asOnboarding.isPresent()) {
        if (onboarding.isPresent()) {
          throw new Conflict("two onboarding files: " + onboarding.get().source() + " and " + arg);
        }
        onboarding = asOnboarding;
        continue;
      }
      ProfileFile.Checked checked;
      try {
        checked = ProfileFile.read(baseName(path), bytes, ValidationOptions.DEFAULT);
      } catch (PlistFormatException e) {
        throw new InputException(arg, e.getMessage());
      } catch (ProfileFile.Unreadable e) {
        e.findings().forEach(f -> findings.add(new FileFinding(arg, f)));
        unpackable = true;
        continue;
      }
      ProfileFile profile = checked.file();
      if (PlistReader.isBinary(bytes)) {
        // The MDM bodies carry the profile as text: a binary plist goes in as XML, same values.
        profile = xmlForm(profile, renderer);
        findings.add(new FileFinding(arg, Finding.info(PlistPath.root(), "package.binary-as-xml")));
      }
      for (Finding f : checked.findings()) {
        findings.add(new FileFinding(arg, f));
        invalid |= f.severity() == Severity.ERROR;
      }
      if (!names.add(profile.name())) {
        throw new Conflict("two profiles would both be packaged as " + profile.fileName());
      }
      profiles.add(profile);
    }
    Bundles.Result none = new Bundles.Result(List.of(), List.of());
    if (unpackable) {
      return new Outcome(findings, Optional.of("refusing to package: a file above has no readable content, even"
          + " with --allow-invalid"), none);
    }
    if (invalid && !allowInvalid) {
      return new Outcome(findings, Optional.of("refusing to package invalid profiles (use --allow-invalid to"
          + " package them anyway)"), none);
    }
    return new Outcome(findings, Optional.empty(),
        Bundles.pack(profiles, new BundleRequest(targets, onboarding, jamf, intune, renderer)));
  }

  /** {@code profile} written as an XML plist by the templates, then read back. */
  private static ProfileFile xmlForm(ProfileFile profile, TemplateRenderer renderer) throws RenderException {
    byte[] xml = renderer.renderPreferences(profile.root());
    ProfileFile back;
    try {
      back = ProfileFile.read(profile.name(), xml, ValidationOptions.DEFAULT).file();
    } catch (PlistFormatException | ProfileFile.Unreadable e) {
      throw new RenderException("the templates rendered " + profile.fileName() + " as no plist: " + e.getMessage());
    }
    if (!back.root().equals(profile.root())) {
      throw new IllegalStateException("the XML form of " + profile.fileName() + " has other values");
    }
    return back;
  }

  /** {@code bytes} as the onboarding file from the Defender portal, when they are one. */
  private static Optional<OnboardingFile> onboarding(String source, byte[] bytes) {
    try {
      if (PlistReader.read(bytes).root().orElse(null) instanceof PlistDict root) {
        return OnboardingFile.formOf(root).map(form -> new OnboardingFile(source, bytes, form));
      }
    } catch (PlistFormatException e) {
      // not a plist at all: ProfileFile.read says so
    }
    return Optional.empty();
  }

  /** The file name without extension, reduced to characters safe in every MDM's file names. */
  static String baseName(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "-");
    return base.isEmpty() || base.startsWith(".") ? "profile" + base : base;
  }
}
