package org.mdeprofiles.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.pack.BundleRequest;
import org.mdeprofiles.Bundles;
import org.mdeprofiles.config.IntuneOptions;
import org.mdeprofiles.cms.SignedProfile;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.pack.ProfileFile;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.report.FindingLine;
import org.mdeprofiles.validate.ValidationOptions;

/** {@code package}: packages profiles the tool did not write (an admin's own, a vendor's sample). */
final class PackageCommand implements Command {
  private final boolean terminal;

  /** With {@code terminal}, stdout is a person's: a summary line instead of every path. */
  PackageCommand(boolean terminal) {
    this.terminal = terminal;
  }

  @Override
  public String name() {
    return "package";
  }

  @Override
  public String usage() {
    return "[OPTIONS] FILE...";
  }

  @Override
  public String summary() {
    return "package existing profiles for Jamf Pro and Intune, after validating them";
  }

  @Override
  public java.util.List<String> examples() {
    return java.util.List.of(
        "mde-profiles package --mdm jamf --out bundle vendor.mobileconfig WindowsDefenderATPOnboarding.xml",
        "mde-profiles package --allow-invalid --dry-run old/*.mobileconfig");
  }

  @Override
  public Options options() {
    Options options = new Options()
        .addOption(Cli.valued("mdm", "LIST", "targets, comma-separated: jamf, intune, plain (default: jamf,intune)"))
        .addOption(Cli.valued("out", "DIR", "output folder (default: " + GenerateCommand.DEFAULT_OUT + ")"))
        .addOption(Cli.flag("allow-invalid", "package profiles even when validation finds errors"))
        .addOption(Cli.flag("dry-run", "say what would be created, changed and removed; write nothing"));
    MdmFlags.add(options);
    BundleOutput.addListingOptions(options);
    return options;
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
    if (line.getArgList().isEmpty()) {
      throw new UsageException("no profile to package");
    }
    List<String> targets = MdmFlags.targets(line, List.of("jamf", "intune"));
    MdmFlags.notApplying(line, targets).forEach(err::println);
    Optional<OnboardingFile> onboarding = Optional.empty();
    TemplateRenderer renderer = new TemplateRenderer(MdmFlags.templates(line));
    List<ProfileFile> profiles = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean invalid = false;
    boolean unpackable = false;
    for (String arg : line.getArgList()) {
      Path path = Path.of(arg);
      byte[] bytes = InputFiles.read(path);
      if (SignedProfile.looksSigned(bytes)) {
        throw new InputException(arg, "is CMS-signed; upload a signed profile as it is (package takes unsigned"
            + " profiles, whose text the MDM bodies carry)");
      }
      Optional<OnboardingFile> asOnboarding = onboarding(arg, bytes);
      if (asOnboarding.isPresent()) {
        // The onboarding file is a secret: packaged as such, never validated aloud.
        if (onboarding.isPresent()) {
          throw new UsageException("two onboarding files: " + onboarding.get().source() + " and " + arg);
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
        e.findings().forEach(f -> err.println(FindingLine.format(arg, f)));
        unpackable = true;
        continue;
      }
      ProfileFile profile = checked.file();
      if (PlistReader.isBinary(bytes)) {
        // The MDM bodies carry the profile as text: a binary plist goes in as XML, same values.
        profile = xmlForm(profile, renderer);
        err.println(FindingLine.format(arg, Finding.info(PlistPath.root(), "package.binary-as-xml")));
      }
      for (Finding f : checked.findings()) {
        err.println(FindingLine.format(arg, f));
        invalid |= f.severity() == Severity.ERROR;
      }
      if (!names.add(profile.name())) {
        throw new UsageException("two profiles would both be packaged as " + profile.fileName());
      }
      profiles.add(profile);
    }
    BundleRequest request = new BundleRequest(targets, onboarding,
        MdmFlags.jamf(line, JamfOptions.DEFAULT), MdmFlags.intune(line, IntuneOptions.DEFAULT), renderer);
    if (unpackable) {
      err.println(Cli.PROGRAM + ": refusing to package: a file above has no readable content, even with"
          + " --allow-invalid; nothing was written");
      return ExitCode.FINDINGS;
    }
    if (invalid && !line.hasOption("allow-invalid")) {
      err.println(Cli.PROGRAM + ": refusing to package invalid profiles (use --allow-invalid to package them"
          + " anyway); nothing was written");
      return ExitCode.FINDINGS;
    }
    return BundleOutput.write(Bundles.pack(profiles, request),
        Path.of(line.getOptionValue("out", GenerateCommand.DEFAULT_OUT)), line.hasOption("force"),
        line.hasOption("dry-run"), BundleOutput.Listing.of(line, terminal), "packaged profiles", out, err);
  }

  /** {@code profile} written as an XML plist by the templates, then read back. */
  private static ProfileFile xmlForm(ProfileFile profile, TemplateRenderer renderer) throws Exception {
    byte[] xml = renderer.renderPreferences(profile.root());
    ProfileFile back = ProfileFile.read(profile.name(), xml, ValidationOptions.DEFAULT).file();
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
      // not a plist at all: ProfileFile.read says so below
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
