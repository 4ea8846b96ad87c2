package org.mdeprofiles.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.catalog.CatalogEntry;
import org.mdeprofiles.config.ConfigFile;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.config.SettingsBuilder;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.io.BundleWriter;
import org.mdeprofiles.pack.BundleFile;
import org.mdeprofiles.pack.PlainTarget;
import org.mdeprofiles.pack.RenderedProfile;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.report.FindingLine;

/** {@code generate}: builds, validates and writes the bundle. */
final class GenerateCommand implements Command {
  static final String DEFAULT_OUT = "mde-profiles-out";
  static final List<String> TARGETS = List.of(PlainTarget.NAME);

  @Override
  public String name() {
    return "generate";
  }

  @Override
  public String usage() {
    return "[OPTIONS]";
  }

  @Override
  public String summary() {
    return "write the profiles Defender needs, validated, under --out";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Cli.valued("config", "FILE", "YAML config file (see README); flags override it"))
        .addOption(Cli.valued("out", "DIR", "output folder (default: " + DEFAULT_OUT + ")"))
        .addOption(Cli.valued("mdm", "LIST", "targets, comma-separated (available now: plain)"))
        .addOption(Cli.valued("profiles", "LIST", "profiles to build, comma-separated (see list)"))
        .addOption(Cli.valued("macos", "VERSION", "oldest macOS of the fleet, such as 10.15 or 14"))
        .addOption(Cli.valued("org", "NAME", "PayloadOrganization (default: "
            + GenerateSettings.DEFAULT_ORGANIZATION + ")"))
        .addOption(Cli.valued("prefix", "ID", "reverse-DNS prefix of profile identifiers (default: "
            + GenerateSettings.DEFAULT_PREFIX + ")"))
        .addOption(Cli.valued("kext-approval", "MODE", "team, bundle or both (default: both)"))
        .addOption(Cli.flag("allow-removal", "let admins remove the profiles (PayloadRemovalDisallowed false)"))
        .addOption(Cli.valued("onboarding", "FILE", "the tenant's onboarding file from the Defender portal"))
        .addOption(Cli.valued("templates", "DIR", "folder of .ftlx templates overriding the built-in ones"))
        .addOption(Cli.flag("force", "overwrite files in --out that mde-profiles did not write"));
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'");
    }
    SettingsBuilder builder = new SettingsBuilder();
    ConfigFile config = ConfigFile.none();
    if (line.hasOption("config")) {
      config = ConfigFile.load(Path.of(line.getOptionValue("config")), builder);
    }
    try {
      applyFlags(line, builder);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    GenerateSettings settings = builder.build();
    List<String> targets = targets(line.hasOption("mdm") ? list(line.getOptionValue("mdm")) : config.mdm());
    List<CatalogEntry> entries = select(
        line.hasOption("profiles") ? list(line.getOptionValue("profiles")) : config.profiles(), settings);

    Optional<Path> onboardingPath = line.hasOption("onboarding")
        ? Optional.of(Path.of(line.getOptionValue("onboarding"))) : config.onboarding();
    Optional<OnboardingFile> onboarding = Optional.empty();
    if (onboardingPath.isPresent()) {
      onboarding = Optional.of(OnboardingFile.read(onboardingPath.get()));
    }
    Optional<Path> templates = Optional.empty();
    if (line.hasOption("templates")) {
      Path dir = Path.of(line.getOptionValue("templates"));
      if (!Files.isDirectory(dir)) {
        throw new UsageException("--templates: " + dir + " is not a folder");
      }
      templates = Optional.of(dir);
    }
    for (CatalogEntry entry : entries) {
      if (settings.macos().isPresent() && entry.deprecatedOn(settings.macos().get())) {
        err.println(entry.name() + ".mobileconfig: warning: Apple deprecates this grant from macOS "
            + entry.deprecatedFrom().orElseThrow() + "; --macos is " + settings.macos().get());
      }
    }
    List<RenderedProfile> rendered = Profiles.generate(settings, entries, new TemplateRenderer(templates));
    boolean failed = false;
    for (RenderedProfile p : rendered) {
      for (Finding f : p.findings()) {
        err.println(FindingLine.format(p.fileName(), f));
        failed |= f.severity() == Severity.ERROR;
      }
    }
    if (failed) {
      err.println(Cli.PROGRAM + ": generated profiles did not validate; nothing was written");
      return ExitCode.FINDINGS;
    }
    List<BundleFile> files = new ArrayList<>();
    if (targets.contains(PlainTarget.NAME)) {
      files.addAll(PlainTarget.files(rendered, onboarding));
    }
    Path outDir = Path.of(line.getOptionValue("out", DEFAULT_OUT));
    BundleWriter.write(outDir, files, line.hasOption("force"));
    for (BundleFile f : files) {
      out.println(outDir.resolve(f.path()));
    }
    if (onboarding.isEmpty()) {
      err.println("note: no --onboarding file, so the bundle does not onboard Macs to your tenant yet;"
          + " download the onboarding package from the Microsoft Defender portal and add it");
    }
    return ExitCode.OK;
  }

  private static void applyFlags(CommandLine line, SettingsBuilder builder) {
    if (line.hasOption("org")) {
      builder.organization("--org", line.getOptionValue("org"));
    }
    if (line.hasOption("prefix")) {
      builder.prefix("--prefix", line.getOptionValue("prefix"));
    }
    if (line.hasOption("macos")) {
      builder.macos("--macos", line.getOptionValue("macos"));
    }
    if (line.hasOption("kext-approval")) {
      builder.kextApproval("--kext-approval", line.getOptionValue("kext-approval"));
    }
    if (line.hasOption("allow-removal")) {
      builder.removalDisallowed(false);
    }
  }

  private static List<String> targets(List<String> requested) throws UsageException {
    if (requested.isEmpty()) {
      return TARGETS;
    }
    for (String t : requested) {
      if (!TARGETS.contains(t)) {
        throw new UsageException("--mdm: unknown or not yet available target '" + t
            + "' (available: " + String.join(", ", TARGETS) + ")");
      }
    }
    return requested;
  }

  private static List<CatalogEntry> select(List<String> names, GenerateSettings settings)
      throws UsageException {
    for (String name : names) {
      CatalogEntry entry = Catalog.find(name).orElseThrow(() -> new UsageException(
          "--profiles: unknown profile '" + name + "' (see " + Cli.PROGRAM + " list)"));
      if (settings.macos().isPresent() && !entry.appliesTo(settings.macos().get())) {
        throw new UsageException("--profiles: " + name + " applies to macOS " + entry.macosRange()
            + " only, not to a fleet whose oldest Mac runs " + settings.macos().get());
      }
    }
    if (names.contains("combined") && names.size() > 1) {
      throw new UsageException("--profiles: combined already holds every modern payload; build it alone,"
          + " or list the separate profiles instead");
    }
    List<CatalogEntry> entries = Catalog.select(names, settings.macos());
    if (entries.isEmpty()) {
      throw new UsageException("no profile applies to macOS " + settings.macos().orElseThrow());
    }
    return entries;
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
