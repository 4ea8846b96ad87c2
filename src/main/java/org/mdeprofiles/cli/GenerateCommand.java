package org.mdeprofiles.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.Generation;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.catalog.CatalogEntry;
import org.mdeprofiles.cms.SignatureFormatException;
import org.mdeprofiles.cms.SigningIdentity;
import org.mdeprofiles.config.ConfigFile;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.IntuneOptions;
import org.mdeprofiles.config.OnboardingFile;
import org.mdeprofiles.config.SettingsBuilder;
import org.mdeprofiles.config.SigningConfig;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.pack.BundleRequest;
import org.mdeprofiles.pack.IntuneTarget;
import org.mdeprofiles.pack.PlainTarget;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.report.FindingLine;
import org.mdeprofiles.text.DidYouMean;
import org.mdeprofiles.validate.PayloadChannels;
import org.mdeprofiles.validate.ValidationOptions;

/** {@code generate}: builds, validates, packages and writes the bundle. */
final class GenerateCommand implements Command {
  /** The config generate reads from the current folder when no --config is given. */
  static final String DEFAULT_CONFIG = "mde-profiles.yaml";
  static final String DEFAULT_OUT = "mde-profiles-out";

  private final boolean terminal;

  /** With {@code terminal}, stdout is a person's: a summary line instead of every path. */
  GenerateCommand(boolean terminal) {
    this.terminal = terminal;
  }

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
    return "write the profiles Defender needs, validated and packaged, under --out";
  }

  @Override
  public java.util.List<String> examples() {
    return java.util.List.of(
        "mde-profiles generate",
        "mde-profiles generate --config mde-profiles.yaml --mdm jamf --out bundle",
        "mde-profiles generate --configs tenants --out bundles",
        "mde-profiles generate --profiles sysext,netfilter --dry-run");
  }

  @Override
  public Options options() {
    Options options = new Options()
        .addOption(Cli.valued("config", "FILE", "YAML config file (see README); flags override it; give several"
            + " for one bundle per tenant in --out/<name>"))
        .addOption(Cli.valued("configs", "DIR", "one bundle per tenant: every .yaml in DIR, each into --out/<name>"))
        .addOption(Cli.valued("out", "DIR", "output folder (default: " + DEFAULT_OUT + ")"))
        .addOption(Cli.flag("dry-run", "say what would be created, changed and removed; write nothing"))
        .addOption(Cli.valued("sign-identity", "FILE",
            "sign the profiles Jamf would otherwise alter (PKCS #12, or PEM with certificate and key)"))
        .addOption(Cli.valued("sign-password-env", "NAME", "environment variable holding its password"))
        .addOption(Cli.valued("sign-password-file", "FILE", "file whose first line is its password"))
        .addOption(Cli.valued("sign", "LIST", "sign more than what Jamf must not alter: plain (every profile of"
            + " plain/)"))
        .addOption(Cli.valued("mdm", "LIST", "targets, comma-separated: jamf, intune, plain (default: all)"))
        .addOption(Cli.valued("profiles", "LIST", "profiles to build, comma-separated (see list)"))
        .addOption(Cli.valued("macos", "VERSION", "oldest macOS of the fleet, such as 10.15 or 14"))
        .addOption(Cli.valued("newest-macos", "VERSION", "newest macOS of the fleet (default: "
            + ValidationOptions.NEWEST_KNOWN + ", the newest the tool knows)"))
        .addOption(Cli.valued("org", "NAME", "PayloadOrganization (default: "
            + GenerateSettings.DEFAULT_ORGANIZATION + ")"))
        .addOption(Cli.valued("prefix", "ID", "reverse-DNS prefix of profile identifiers (default: "
            + GenerateSettings.DEFAULT_PREFIX + ")"))
        .addOption(Cli.valued("kext-approval", "MODE", "team, bundle or both (default: both)"))
        .addOption(Cli.flag("allow-removal", "let admins remove the profiles (PayloadRemovalDisallowed false)"))
        .addOption(Cli.valued("onboarding", "FILE", "the tenant's onboarding file from the Defender portal"))
        .addOption(Cli.valued("settings-schema", "FILE", "JSON Schema to check the settings section against"));
    MdmFlags.add(options);
    BundleOutput.addOutputOptions(options);
    return options;
  }

  @Override
  public java.util.Set<String> repeatable() {
    return java.util.Set.of("config");
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'");
    }
    Optional<Path> templates = MdmFlags.templates(line);
    Future<TemplateRenderer> renderer = Background.start("templates",
        () -> new TemplateRenderer(templates).preload(List.of("profile.ftlx", "lib/plist.ftlx")));
    // Not joined: whatever it has not loaded yet, the first profile to need it loads or waits for.
    // Only the specs of the profiles chosen, once they are: one profile needs one or two of them.
    CompletableFuture<List<String>> chosenTypes = new CompletableFuture<>();
    Background.start("validation", () -> {
      Profiles.warmUp(chosenTypes);
      return null;
    });
    try {
      return run(line, new StartUp(renderer, chosenTypes), out, err);
    } finally {
      chosenTypes.complete(List.of()); // a run refused before its choice leaves no thread waiting
    }
  }

  private int run(CommandLine line, StartUp startUp, PrintStream out, PrintStream err) throws Exception {
    List<Path> configs = Tenants.configs(line);
    Path outDir = Path.of(line.getOptionValue("out", DEFAULT_OUT));
    if (line.hasOption("configs") || configs.size() > 1) {
      return Tenants.run(configs, outDir, (config, dir, o, e) -> one(line, Optional.of(config), dir, startUp, o, e),
          out, err);
    }
    Optional<Path> config = configs.stream().findFirst();
    if (config.isEmpty() && Files.isRegularFile(Path.of(DEFAULT_CONFIG))) {
      // A config in the current folder is read when none is named, and said so.
      err.println("note: reading " + DEFAULT_CONFIG + " from the current folder (no --config given)");
      config = Optional.of(Path.of(DEFAULT_CONFIG));
    }
    return one(line, config, outDir, startUp, out, err);
  }

  /** Work begun beside the main thread: the renderer, and the payload types to warm validation up for. */
  private record StartUp(Future<TemplateRenderer> renderer, CompletableFuture<List<String>> chosenTypes) {}

  /** One bundle: from {@code configFile} when given, with the flags over it, into {@code outDir}. */
  private int one(CommandLine line, Optional<Path> configFile, Path outDir, StartUp startUp,
      PrintStream out, PrintStream err) throws Exception {
    SettingsBuilder builder = new SettingsBuilder();
    ConfigFile config = configFile.isPresent() ? ConfigFile.load(configFile.get(), builder, Catalog.names()) : ConfigFile.none();
    try {
      applyFlags(line, builder);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    GenerateSettings settings = builder.build();
    MacosRange.require(settings.macos(), settings.newestMacos());
    List<String> targets = MdmFlags.targets(line, config.mdm());
    List<CatalogEntry> entries = select(
        line.hasOption("profiles") ? MdmFlags.list("--profiles", line.getOptionValue("profiles")) : config.profiles(),
        settings);
    startUp.chosenTypes().complete(Catalog.payloadTypes(entries)); // the first tenant's, in a batch
    MdmFlags.notApplying(line, targets).forEach(err::println);
    Optional<Path> onboardingPath = line.hasOption("onboarding")
        ? Optional.of(Path.of(line.getOptionValue("onboarding"))) : config.onboarding();
    Optional<OnboardingFile> onboarding = Optional.empty();
    if (onboardingPath.isPresent()) {
      onboarding = Optional.of(OnboardingFile.read(onboardingPath.get()));
    }
    IntuneOptions intune = MdmFlags.intune(line, config.intune());
    if (targets.contains(IntuneTarget.NAME)) {
      requireChannelFits(intune, entries);
    }
    BundleRequest request = new BundleRequest(targets, onboarding, MdmFlags.jamf(line, config.jamf()),
        intune, Background.join(startUp.renderer()));
    Optional<SigningIdentity> identity = signingIdentity(line, config.signing());
    if (identity.isPresent()) {
      request = request.signedBy(identity.get(), signTargets(line, config.signing()).contains(PlainTarget.NAME));
    }
    // A grant Apple deprecates for the fleet's macOS is said by validation itself (key.deprecated,
    // with the path of the service), from the spec files: no second warning here.
    Generation.Outcome outcome = Generation.run(settings, entries, request,
        configFile.map(Path::toString).orElse("settings"),
        Optional.ofNullable(line.getOptionValue("settings-schema")).map(Path::of));
    outcome.settingsFindings().forEach(f -> err.println(FindingLine.format(f.file(), f.finding())));
    if (outcome.refusal().isPresent()) {
      err.println(Cli.PROGRAM + ": " + outcome.refusal().get() + "; nothing was written");
      return ExitCode.FINDINGS;
    }
    return BundleOutput.write(outcome.bundle(), outDir, line, terminal, "generated profiles", out, err);
  }

  /**
   * The user channel with a device-only payload is a conflict of options, said before any work
   * (it was reported as profiles that "did not validate", exit 1).
   */
  private static void requireChannelFits(IntuneOptions intune, List<CatalogEntry> entries) throws UsageException {
    if (!intune.deploymentChannel().equals("userChannel")) {
      return;
    }
    for (CatalogEntry e : entries) {
      for (String type : Catalog.payloadTypes(e)) {
        if (PayloadChannels.deviceChannelOnly(type)) {
          throw new UsageException("--intune-channel userChannel: profile " + e.name() + " holds "
              + type + ", which installs on the device channel only; use deviceChannel, or"
              + " --mdm without intune for it");
        }
      }
    }
  }

  /** What --sign (or the config's signing: sign:) adds; jamf is always signed with an identity. */
  private static List<String> signTargets(CommandLine line, SigningConfig config) throws UsageException {
    List<String> targets = line.hasOption("sign") ? MdmFlags.list("--sign", line.getOptionValue("sign"))
        : config.sign();
    for (String t : targets) {
      if (!t.equals(PlainTarget.NAME) && !t.equals("jamf")) {
        throw new UsageException("--sign: '" + t + "' is not one of: plain, jamf"
            + DidYouMean.hint(t, List.of(PlainTarget.NAME, "jamf")) + " (Intune: no source says it takes a signed"
            + " custom profile, so nothing is signed for it)");
      }
    }
    return targets;
  }

  /** The identity from --sign-identity or the config's signing: section, its password never from argv. */
  private static Optional<SigningIdentity> signingIdentity(CommandLine line, SigningConfig config) throws Exception {
    Optional<Path> file = line.hasOption("sign-identity") ? Optional.of(Path.of(line.getOptionValue("sign-identity")))
        : config.identity();
    if (file.isEmpty()) {
      if (line.hasOption("sign") || !config.sign().isEmpty()) {
        throw new UsageException("--sign needs an identity: give --sign-identity FILE, or identity: in the config's"
            + " signing: section");
      }
      return Optional.empty();
    }
    char[] password = Passwords.read(line, "sign-password-env", "sign-password-file", config.passwordEnv(),
        config.passwordFile(), "password for " + file.get());
    try {
      return Optional.of(SigningIdentity.read(InputFiles.read(file.get()), password, new java.util.Date()));
    } catch (SignatureFormatException e) {
      throw new InputException(file.get().toString(), e.getMessage());
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
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
    if (line.hasOption("newest-macos")) {
      builder.newestMacos("--newest-macos", line.getOptionValue("newest-macos"));
    }
    if (line.hasOption("kext-approval")) {
      builder.kextApproval("--kext-approval", line.getOptionValue("kext-approval"));
    }
    if (line.hasOption("allow-removal")) {
      builder.removalDisallowed(false);
    }
  }

  private static List<CatalogEntry> select(List<String> names, GenerateSettings settings)
      throws UsageException {
    for (String name : names) {
      CatalogEntry entry = Catalog.find(name).orElseThrow(() -> new UsageException(
          "--profiles: unknown profile '" + name + "'" + DidYouMean.hint(name, Catalog.names()) + " (known: "
              + String.join(", ", Catalog.names()) + ")"));
      if (settings.macos().isPresent() && !entry.appliesTo(settings.macos().get())) {
        throw new UsageException("--profiles: " + name + " applies to macOS " + entry.macosRange()
            + " only, not to a fleet whose oldest Mac runs " + settings.macos().get());
      }
    }
    if (names.contains(Catalog.COMBINED) && names.size() > 1) {
      throw new UsageException("--profiles: combined already holds every modern payload; build it alone,"
          + " or list the separate profiles instead");
    }
    List<CatalogEntry> entries = Catalog.select(names, settings.macos());
    if (entries.isEmpty()) {
      throw new UsageException("no profile applies to macOS " + settings.macos().orElseThrow());
    }
    return entries;
  }
}
