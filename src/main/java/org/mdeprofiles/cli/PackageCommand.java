package org.mdeprofiles.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.Packaging;
import org.mdeprofiles.config.IntuneOptions;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.report.FindingLine;

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
    BundleOutput.addOutputOptions(options);
    return options;
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
    if (line.getArgList().isEmpty()) {
      throw new UsageException("no profile to package");
    }
    List<String> targets = MdmFlags.targets(line, List.of("jamf", "intune"));
    MdmFlags.notApplying(line, targets).forEach(err::println);
    Packaging.Outcome outcome;
    try {
      outcome = Packaging.run(line.getArgList(), targets, MdmFlags.jamf(line, JamfOptions.DEFAULT),
          MdmFlags.intune(line, IntuneOptions.DEFAULT), new TemplateRenderer(MdmFlags.templates(line)),
          line.hasOption("allow-invalid"));
    } catch (Packaging.Conflict e) {
      throw new UsageException(e.getMessage());
    }
    outcome.inputFindings().forEach(f -> err.println(FindingLine.format(f.file(), f.finding())));
    if (outcome.refusal().isPresent()) {
      err.println(Cli.PROGRAM + ": " + outcome.refusal().get() + "; nothing was written");
      return ExitCode.FINDINGS;
    }
    return BundleOutput.write(outcome.bundle(), Path.of(line.getOptionValue("out", GenerateCommand.DEFAULT_OUT)),
        line, terminal, "packaged profiles", out, err);
  }
}
