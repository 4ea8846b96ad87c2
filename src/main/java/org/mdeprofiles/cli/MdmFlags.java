package org.mdeprofiles.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.pack.BundleRequest;
import org.mdeprofiles.config.IntuneOptions;
import org.mdeprofiles.config.JamfOptions;
import org.mdeprofiles.text.DidYouMean;

/** The flags generate and package share: targets, Jamf and Intune fields, templates, --force. */
final class MdmFlags {
  private MdmFlags() {}

  static void add(Options options) {
    options
        .addOption(Cli.valued("jamf-category", "NAME", "Jamf category of the profiles"))
        .addOption(Cli.valued("jamf-distribution", "METHOD",
            "'Install Automatically' (default) or 'Make Available in Self Service'"))
        .addOption(Cli.valued("jamf-redeploy", "WHEN", "'Newly Assigned' (default) or 'All'"))
        .addOption(Cli.valued("jamf-group", "NAME", "computer group to scope to (repeatable)"))
        .addOption(Cli.valued("intune-channel", "CHANNEL", "deviceChannel (default) or userChannel"))
        .addOption(Cli.valued("templates", "DIR", "folder of templates overriding the built-in ones"))
        .addOption(Cli.flag("force", "overwrite files in --out that mde-profiles did not write"));
  }

  static List<String> targets(CommandLine line, List<String> configured) throws UsageException {
    List<String> requested = line.hasOption("mdm") ? list("--mdm", line.getOptionValue("mdm")) : configured;
    if (requested.isEmpty()) {
      return BundleRequest.ALL_TARGETS;
    }
    for (String t : requested) {
      if (!BundleRequest.ALL_TARGETS.contains(t)) {
        throw new UsageException("--mdm: unknown target '" + t + "'" + DidYouMean.hint(t, BundleRequest.ALL_TARGETS)
            + " (known: "
            + String.join(", ", BundleRequest.ALL_TARGETS) + ")");
      }
    }
    return requested;
  }

  static JamfOptions jamf(CommandLine line, JamfOptions configured) throws UsageException {
    List<String> groups = line.hasOption("jamf-group")
        ? Arrays.asList(line.getOptionValues("jamf-group")) : configured.computerGroups();
    JamfOptions options = new JamfOptions(
        line.hasOption("jamf-category") ? Optional.of(line.getOptionValue("jamf-category")) : configured.category(),
        line.getOptionValue("jamf-distribution", configured.distributionMethod()),
        line.getOptionValue("jamf-redeploy", configured.redeployOnUpdate()),
        groups);
    try {
      return options.check(field -> switch (field) {
        case "distributionMethod" -> "--jamf-distribution";
        case "redeployOnUpdate" -> "--jamf-redeploy";
        case "computerGroups" -> "--jamf-group";
        default -> "--jamf-" + field;
      });
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static IntuneOptions intune(CommandLine line, IntuneOptions configured) throws UsageException {
    try {
      return new IntuneOptions(line.getOptionValue("intune-channel", configured.deploymentChannel()))
          .check("--intune-channel");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static Optional<Path> templates(CommandLine line) throws UsageException {
    if (!line.hasOption("templates")) {
      return Optional.empty();
    }
    Path dir = Path.of(line.getOptionValue("templates"));
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--templates: " + dir + " is not a folder");
    }
    return Optional.of(dir);
  }

  /** A comma-separated list; an empty one is a usage error (it read as "everything"). */
  static List<String> list(String option, String value) throws UsageException {
    List<String> items = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (items.isEmpty()) {
      throw new UsageException(option + ": the list is empty; leave the option out for the default");
    }
    return items;
  }

  /**
   * Warnings for options that change nothing with these targets: --jamf-* without jamf,
   * --intune-channel without intune.
   */
  static List<String> notApplying(CommandLine line, List<String> targets) {
    List<String> warnings = new java.util.ArrayList<>();
    for (org.apache.commons.cli.Option option : line.getOptions()) {
      String name = option.getLongOpt();
      String target = name.startsWith("jamf-") ? "jamf" : name.equals("intune-channel") ? "intune" : null;
      if (target != null && !targets.contains(target) && !warnings.contains(name)) {
        warnings.add(name);
      }
    }
    return warnings.stream().map(name -> "warning: --" + name + " does not apply: the targets ("
        + String.join(",", targets) + ") do not include " + (name.startsWith("jamf-") ? "jamf" : "intune")).toList();
  }
}
