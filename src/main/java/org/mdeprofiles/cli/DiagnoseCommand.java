package org.mdeprofiles.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.config.ConfigFile;
import org.mdeprofiles.diagnose.Conclusion;
import org.mdeprofiles.diagnose.Diagnoser;
import org.mdeprofiles.diagnose.DiagnosisReport;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.text.DidYouMean;
import org.mdeprofiles.text.Printable;
import org.mdeprofiles.write.Manifest;

/** {@code diagnose}: from what a Mac printed to the profile or step that fixes it. */
final class DiagnoseCommand implements Command {
  private final InputStream stdin;

  private final boolean terminal;

  /** @param terminal true when {@code stdin} is a person at a terminal, who is told what to paste */
  DiagnoseCommand(InputStream stdin, boolean terminal) {
    this.stdin = stdin;
    this.terminal = terminal;
  }

  /** What to paste and how to end it: said on stderr before reading a terminal. */
  static final String PROMPT = "paste the output of " + DiagnosisReport.WHAT_IT_READS.replace(", or ", ", ")
      + " (as many as you have), then press Ctrl-D on a line of its own";

  @Override
  public String name() {
    return "diagnose";
  }

  @Override
  public String usage() {
    return "[OPTIONS] [FILE...|-]";
  }

  @Override
  public String summary() {
    return "read what a Mac printed (mdatp health, connectivity test, profiles, MDM grants); name the fix";
  }

  @Override
  public java.util.List<String> examples() {
    return java.util.List.of(
        "mdatp health | mde-profiles diagnose",
        "mde-profiles diagnose --format json health.txt profiles.txt",
        "mde-profiles diagnose --bundle mde-profiles-out --mdm jamf health.txt",
        "mde-profiles diagnose --config mde-profiles.yaml health.txt connectivity.txt mdm-overrides.txt");
  }

  @Override
  public Options options() {
    return new Options().addOption(Cli.valued("format", "FORMAT", "text (default) or json"))
        .addOption(Cli.valued("macos", "VERSION", "the Mac's macOS version, when the input does not show it"))
        .addOption(Cli.valued("config", "FILE", "the config the bundle was made from: fix commands carry it, and"
            + " the Mac is checked against its settings"))
        .addOption(Cli.valued("bundle", "DIR", "a generated bundle: say which of its profiles the Mac lacks"))
        .addOption(Cli.valued("mdm", "NAME", "the bundle's folder the Mac's MDM took: jamf, intune or plain"
            + " (default: plain)"));
  }

  @Override
  public String footer() {
    return "exit codes: 0 healthy, 1 something needs fixing, 2 usage error, 3 nothing recognisable in the input";
  }

  private static void bundle(CommandLine line, Diagnoser diagnoser) throws UsageException, InputException {
    String mdm = line.getOptionValue("mdm", "plain");
    if (!List.of("jamf", "intune", "plain").contains(mdm)) {
      throw new UsageException("--mdm: '" + mdm + "' is not one of: jamf, intune, plain"
          + DidYouMean.hint(mdm, List.of("jamf", "intune", "plain")));
    }
    Path manifest = Path.of(line.getOptionValue("bundle")).resolve(Manifest.FILE_NAME);
    List<Manifest.Listed> listed = Manifest.profiles(InputFiles.text(InputFiles.read(manifest), manifest.toString()),
        mdm).orElseThrow(() -> new InputException(manifest.toString(), "not a manifest written by mde-profiles"));
    if (listed.isEmpty()) {
      throw new InputException(manifest.toString(), "the bundle has no " + mdm + " profiles (see --mdm)");
    }
    diagnoser.bundle(line.getOptionValue("bundle"), listed.stream()
        .map(p -> new Diagnoser.Expected(p.name(), p.identifier(), p.payloadIdentifiers())).toList());
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
    String format = Cli.format(line, List.of("text", "json"));
    List<String> inputs = line.getArgList().isEmpty() ? List.of("-") : line.getArgList();
    Diagnoser diagnoser = new Diagnoser();
    if (line.hasOption("macos")) {
      try {
        diagnoser.macos(MacosVersion.parse(line.getOptionValue("macos")));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--macos: " + e.getMessage());
      }
    }
    if (line.hasOption("config")) {
      // Read as generate reads it: fix commands carry it, and the Mac is checked against its settings.
      org.mdeprofiles.config.SettingsBuilder settings = new org.mdeprofiles.config.SettingsBuilder();
      ConfigFile config = ConfigFile.load(Path.of(line.getOptionValue("config")), settings, Catalog.names());
      diagnoser.config(line.getOptionValue("config")).policy(settings.build().defenderSettings());
      if (config.onboarding().isPresent()) {
        org.mdeprofiles.config.OnboardingFile.read(config.onboarding().get()).orgId().ifPresent(diagnoser::tenant);
      }
    }
    if (line.hasOption("bundle")) {
      bundle(line, diagnoser);
    } else if (line.hasOption("mdm")) {
      throw new UsageException("--mdm says which folder of --bundle to compare; give --bundle DIR");
    }
    for (String input : inputs) {
      boolean stdinInput = input.equals("-");
      if (stdinInput && terminal) {
        err.println(PROMPT);
      }
      byte[] bytes = stdinInput ? InputFiles.readLimited(stdin, "<stdin>") : InputFiles.read(Path.of(input));
      String name = stdinInput ? "<stdin>" : input;
      diagnoser.read(name, InputFiles.text(bytes, name));
    }
    if (!diagnoser.recognisedAnything()) {
      err.println(Cli.PROGRAM + ": " + Printable.line(String.join(", ", inputs.stream()
          .map(i -> i.equals("-") ? "<stdin>" : i).toList())) + ": nothing recognisable (expected output of "
          + DiagnosisReport.WHAT_IT_READS + ")");
      if (format.equals("json")) {
        out.print(DiagnosisReport.unrecognised());
      }
      return ExitCode.BAD_INPUT;
    }
    List<Conclusion> conclusions = diagnoser.conclusions();
    out.print(format.equals("json")
        ? DiagnosisReport.json(conclusions, diagnoser.unknownFields())
        : DiagnosisReport.text(conclusions, diagnoser.unknownFields()));
    return conclusions.stream().anyMatch(Conclusion::problem) ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
