package org.mdeprofiles.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.text.Printable;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.diagnose.Conclusion;
import org.mdeprofiles.diagnose.DiagnosisReport;
import org.mdeprofiles.diagnose.Diagnoser;
import org.mdeprofiles.io.InputFiles;

/** {@code diagnose}: from what a Mac printed to the profile or step that fixes it. */
final class DiagnoseCommand implements Command {
  private final InputStream stdin;

  DiagnoseCommand(InputStream stdin) {
    this.stdin = stdin;
  }

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
    return "read mdatp health, kextutil, systemextensionsctl and profiles output; name the fix";
  }

  @Override
  public Options options() {
    return new Options().addOption(Cli.valued("format", "FORMAT", "text (default) or json"))
        .addOption(Cli.valued("macos", "VERSION", "the Mac's macOS version, when the input does not show it"))
        .addOption(Cli.valued("config", "FILE", "the config the bundle was made from: fix commands carry it"));
  }

  @Override
  public String footer() {
    return "exit codes: 0 healthy, 1 something needs fixing, 2 usage error, 3 nothing recognisable in the input";
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
      diagnoser.config(line.getOptionValue("config"));
    }
    for (String input : inputs) {
      boolean stdinInput = input.equals("-");
      byte[] bytes = stdinInput ? InputFiles.readLimited(stdin, "<stdin>") : InputFiles.read(Path.of(input));
      String name = stdinInput ? "<stdin>" : input;
      diagnoser.read(name, InputFiles.text(bytes, name));
    }
    if (!diagnoser.recognisedAnything()) {
      err.println(Cli.PROGRAM + ": " + Printable.line(String.join(", ", inputs.stream()
          .map(i -> i.equals("-") ? "<stdin>" : i).toList())) + ": nothing recognisable (expected output of"
          + " mdatp health, kextutil, systemextensionsctl list or profiles)");
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
