package org.mdeprofiles.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.mdeprofiles.Bundles;
import org.mdeprofiles.write.BundleWriter;
import org.mdeprofiles.write.Durability;
import org.mdeprofiles.io.OutputException;
import org.mdeprofiles.pack.BundleFile;
import org.mdeprofiles.pack.FileFinding;
import org.mdeprofiles.report.FindingLine;
import org.mdeprofiles.text.Printable;

/** Reports a bundle's findings and writes it, unless an error finding forbids it. */
final class BundleOutput {
  /** What stdout gets for a bundle written: every path, one summary line, or nothing. */
  enum Listing {
    PATHS,
    SUMMARY,
    QUIET;

    /** From --verbose and --quiet (refused together); by default a summary for a person, paths for a pipe. */
    static Listing of(org.apache.commons.cli.CommandLine line, boolean terminal) throws UsageException {
      if (line.hasOption("verbose") && line.hasOption("quiet")) {
        throw new UsageException("--quiet and --verbose contradict each other; give one");
      }
      return line.hasOption("quiet") ? QUIET : line.hasOption("verbose") || !terminal ? PATHS : SUMMARY;
    }
  }

  private BundleOutput() {}

  /** The options of writing a bundle, for generate and package: the listing and the syncs. */
  static void addOutputOptions(org.apache.commons.cli.Options options) {
    options.addOption(Cli.flag("verbose", "list every file written (the default when stdout is not a terminal)"))
        .addOption(Cli.flag("quiet", "list nothing written (removed: lines and findings are still said)"))
        .addOption(Cli.flag("no-sync", "do not wait for the disk (output thrown away with its machine, such as CI"
            + " artifacts): a kill still leaves the old bundle or the new one, a power loss may not"));
  }

  /**
   * Writes {@code result} into {@code outDir} as {@code line} asks (--force, --no-sync, the
   * listing); with --dry-run, says what a write would create, change, leave and remove, and
   * touches nothing. A file the write removes is always said.
   */
  static int write(Bundles.Result result, Path outDir, org.apache.commons.cli.CommandLine line, boolean terminal,
      String what, PrintStream out, PrintStream err) throws OutputException, UsageException {
    Listing listing = Listing.of(line, terminal);
    boolean force = line.hasOption("force");
    for (FileFinding f : result.findings()) {
      // A run that fails says what failed: its notes (infos) would only bury it.
      if (!result.failed() || f.finding().severity() != org.mdeprofiles.finding.Severity.INFO) {
        err.println(FindingLine.format(f.file(), f.finding()));
      }
    }
    if (result.failed()) {
      err.println(Cli.PROGRAM + ": " + what + " did not validate; nothing was written");
      return ExitCode.FINDINGS;
    }
    if (line.hasOption("dry-run")) {
      for (String step : BundleWriter.plan(outDir, result.files(), force)) {
        int space = step.indexOf(' ');
        out.println(step.substring(0, space) + ": " + Printable.line(outDir.resolve(step.substring(space + 1)).toString()));
      }
      return ExitCode.OK;
    }
    List<String> removed = BundleWriter.write(outDir, result.files(), force,
        line.hasOption("no-sync") ? Durability.UNSYNCED : Durability.SYNCED);
    if (listing == Listing.PATHS) {
      for (BundleFile f : result.files()) {
        out.println(Printable.line(outDir.resolve(f.path()).toString()));
      }
    } else if (listing == Listing.SUMMARY) {
      out.println(summary(result.files(), outDir));
    }
    // A file this run removed is said too: nothing of the admin's goes without a word.
    for (String path : removed) {
      out.println("removed: " + Printable.line(outDir.resolve(path).toString()));
    }
    return ExitCode.OK;
  }

  /** "mde-profiles-out: 49 files written (jamf 18, intune 21, plain 10) and manifest.json". */
  static String summary(List<BundleFile> files, Path outDir) {
    java.util.Map<String, Integer> byFolder = new java.util.LinkedHashMap<>();
    files.forEach(f -> byFolder.merge(f.mdm(), 1, Integer::sum));
    List<String> parts = new java.util.ArrayList<>();
    byFolder.forEach((folder, n) -> parts.add(folder + " " + n));
    return Printable.line(outDir.toString()) + ": " + files.size() + (files.size() == 1 ? " file" : " files")
        + " written (" + String.join(", ", parts) + ") and manifest.json; --verbose lists them";
  }
}
