package org.mdeprofiles.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.report.FileResult;
import org.mdeprofiles.report.JsonReport;
import org.mdeprofiles.report.JunitReport;
import org.mdeprofiles.report.TextReport;
import org.mdeprofiles.validate.ValidationOptions;
import org.mdeprofiles.validate.ValidationReport;
import org.mdeprofiles.text.Printable;

/** {@code validate}: checks profiles against Apple's plist and payload rules. */
final class ValidateCommand implements Command {
  private static final List<String> EXTENSIONS = List.of(".mobileconfig", ".plist", ".xml");
  /** Jamf Classic API bodies in a bundle folder are not profiles; named one by one, they are checked. */
  private static final String CLASSIC_BODY = ".classic.xml";

  private final InputStream stdin;

  ValidateCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String usage() {
    return "[OPTIONS] FILE...|DIR|-";
  }

  @Override
  public String summary() {
    return "check profiles (any author's) against Apple's plist and payload rules";
  }

  @Override
  public java.util.List<String> examples() {
    return java.util.List.of(
        "mde-profiles validate kext.mobileconfig",
        "mde-profiles validate --format junit --macos 14 mde-profiles-out > validate.xml",
        "cat profile.mobileconfig | mde-profiles validate -");
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Cli.valued("format", "FORMAT", "text (default), json or junit"))
        .addOption(Cli.flag("strict", "treat warnings as errors"))
        .addOption(Cli.flag("quiet", "print only problems"))
        .addOption(Cli.valued("macos", "VERSION", "oldest macOS of the fleet: warn about keys it lacks"))
        .addOption(Cli.valued("newest-macos", "VERSION", "newest macOS of the fleet: say what it deprecates"
            + " or removes (default: " + ValidationOptions.NEWEST_KNOWN + ", the newest the tool knows)"))
        .addOption(Cli.valued("trust", "FILE", "PEM certificates a signed profile's signer must chain to"));
  }

  private static Optional<MacosVersion> version(CommandLine line, String option) throws UsageException {
    if (!line.hasOption(option)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MacosVersion.parse(line.getOptionValue(option)));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + option + ": " + e.getMessage());
    }
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException, InputException {
    String format = Cli.format(line, List.of("text", "json", "junit"));
    Optional<MacosVersion> oldest = version(line, "macos");
    Optional<MacosVersion> newest = version(line, "newest-macos");
    MacosRange.require(oldest, newest);
    ValidationOptions options = new ValidationOptions(oldest,
        Optional.of(newest.orElse(ValidationOptions.NEWEST_KNOWN)));
    if (line.hasOption("trust")) {
      options = options.trusting(TrustFile.read(Path.of(line.getOptionValue("trust"))));
    }
    if (line.getArgList().isEmpty()) {
      throw new UsageException("no file to validate (give files, a folder, or - for standard input)");
    }
    boolean strict = line.hasOption("strict");
    Iterator<Item> items = items(line.getArgList());
    ValidationOptions chosen = options;
    if (format.equals("text")) {
      return streamed(items, chosen, strict, line.hasOption("quiet"), out, err);
    }
    List<Item> all = new ArrayList<>();
    items.forEachRemaining(all::add);
    // Files are independent: check them on every core; the report keeps the order given.
    List<FileResult> results = all.parallelStream().map(i -> i.result(this, chosen, strict)).toList();
    for (FileResult r : results) {
      r.problem().ifPresent(problem -> err.println(Cli.PROGRAM + ": " + Printable.line(problem)));
    }
    out.print(format.equals("json") ? JsonReport.render(results) : JunitReport.render(results));
    return exit(results.stream().anyMatch(r -> r.problem().isPresent()),
        results.stream().anyMatch(r -> r.problem().isEmpty() && r.report().orElseThrow().fails(false)));
  }

  /** Files being checked at once, on every core, before their lines are written and they are let go. */
  static final int WINDOW = 2048;

  /**
   * The text report, in the order given, written as files are checked: what the run holds stays
   * the same whether it checks a hundred files or a hundred thousand.
   */
  private int streamed(Iterator<Item> items, ValidationOptions options, boolean strict, boolean quiet,
      PrintStream out, PrintStream err) {
    TextReport report = new TextReport(out, quiet);
    Tally tally = new Tally();
    InOrder.map(items, i -> i.result(this, options, strict), WINDOW, r -> {
      r.problem().ifPresent(problem -> err.println(Cli.PROGRAM + ": " + Printable.line(problem)));
      tally.unreadable |= r.problem().isPresent();
      tally.failed |= r.problem().isEmpty() && r.report().orElseThrow().fails(false);
      report.add(r);
    });
    report.finish();
    return exit(tally.unreadable, tally.failed);
  }

  /** What the streamed files came to, for the exit code. */
  private static final class Tally {
    boolean unreadable;
    boolean failed;
  }

  private static int exit(boolean unreadable, boolean failed) {
    return unreadable ? ExitCode.BAD_INPUT : failed ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private FileResult check(String source, ValidationOptions options, boolean strict) {
    try {
      byte[] bytes = source.equals("-")
          ? InputFiles.readLimited(stdin, "<stdin>")
          : InputFiles.read(Path.of(source));
      String name = source.equals("-") ? "<stdin>" : source;
      ValidationReport report = Profiles.validate(name, bytes, options);
      return FileResult.of(strict ? strict(report) : report);
    } catch (InputException e) {
      return FileResult.unreadable(source, e.getMessage());
    } catch (PlistFormatException e) {
      return FileResult.unreadable(source, source + ": " + e.getMessage());
    }
  }

  private static ValidationReport strict(ValidationReport report) {
    List<Finding> findings = new ArrayList<>();
    for (Finding f : report.findings()) {
      findings.add(f.severity() == Severity.WARNING ? f.withSeverity(Severity.ERROR) : f);
    }
    return new ValidationReport(report.source(), findings);
  }

  private static boolean profileName(String name) {
    return !name.endsWith(CLASSIC_BODY) && EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /** A file to check, or the result already known for an argument (a folder with nothing to check). */
  private record Item(String source, FileResult known) {
    FileResult result(ValidateCommand command, ValidationOptions options, boolean strict) {
      return known != null ? known : command.check(source, options, strict);
    }
  }

  /**
   * The arguments as items, in order: a folder becomes its profile files, recursively, sorted,
   * walked as they are checked ({@link FolderWalk}); anything else stays as it is.
   */
  private static Iterator<Item> items(List<String> args) {
    return new Iterator<>() {
      private int arg;
      private FolderWalk walk;
      private String folder;
      private Item pending;

      @Override
      public boolean hasNext() {
        while (pending == null) {
          if (walk != null) {
            pendFromWalk();
            continue;
          }
          if (arg >= args.size()) {
            return false;
          }
          String a = args.get(arg++);
          if (a.equals("-") || !Files.isDirectory(Path.of(a))) {
            pending = new Item(a, null);
            continue;
          }
          folder = a;
          try {
            walk = new FolderWalk(Path.of(a), ValidateCommand::profileName);
          } catch (UncheckedIOException e) {
            pending = cannotList(e);
          }
        }
        return true;
      }

      /** The walk's next file, or what its end says: nothing found, or a folder it could not list. */
      private void pendFromWalk() {
        try {
          if (walk.hasNext()) {
            pending = new Item(walk.next(), null);
            return;
          }
          if (walk.found() == 0) {
            pending = new Item(null, FileResult.unreadable(folder,
                folder + ": no .mobileconfig, .plist or .xml file in this folder"));
          }
        } catch (UncheckedIOException e) {
          pending = cannotList(e);
        }
        walk = null;
      }

      private Item cannotList(UncheckedIOException e) {
        walk = null;
        return new Item(null, FileResult.unreadable(folder, folder + ": cannot list folder: "
            + e.getCause().getMessage()));
      }

      @Override
      public Item next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Item out = pending;
        pending = null;
        return out;
      }
    };
  }
}
