package org.mdeprofiles.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.mdeprofiles.Bundles;
import org.mdeprofiles.write.BundleWriter;
import org.mdeprofiles.io.OutputException;
import org.mdeprofiles.pack.BundleFile;
import org.mdeprofiles.pack.FileFinding;
import org.mdeprofiles.report.FindingLine;
import org.mdeprofiles.text.Printable;

/** Reports a bundle's findings and writes it, unless an error finding forbids it. */
final class BundleOutput {
  private BundleOutput() {}

  /** With {@code dryRun}, says what a write would create, change, leave and remove; touches nothing. */
  static int write(Bundles.Result result, Path outDir, boolean force, boolean dryRun, String what, PrintStream out,
      PrintStream err) throws OutputException {
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
    if (dryRun) {
      for (String step : BundleWriter.plan(outDir, result.files(), force)) {
        int space = step.indexOf(' ');
        out.println(step.substring(0, space) + ": " + Printable.line(outDir.resolve(step.substring(space + 1)).toString()));
      }
      return ExitCode.OK;
    }
    List<String> removed = BundleWriter.write(outDir, result.files(), force);
    for (BundleFile f : result.files()) {
      out.println(Printable.line(outDir.resolve(f.path()).toString()));
    }
    // A file this run removed is said too: nothing of the admin's goes without a word.
    for (String path : removed) {
      out.println("removed: " + Printable.line(outDir.resolve(path).toString()));
    }
    return ExitCode.OK;
  }
}
