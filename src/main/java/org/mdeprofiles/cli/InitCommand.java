package org.mdeprofiles.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.config.ConfigFile;
import org.mdeprofiles.io.OutputException;
import org.mdeprofiles.text.Printable;

/** {@code init}: writes a commented starter config, every setting at its default. */
final class InitCommand implements Command {
  static final String STARTER = "/org/mdeprofiles/init/mde-profiles.yaml";

  @Override
  public String name() {
    return "init";
  }

  @Override
  public String usage() {
    return "[--out FILE] [--force]";
  }

  @Override
  public String summary() {
    return "write a commented starter config (" + GenerateCommand.DEFAULT_CONFIG + ") with every setting at its"
        + " default";
  }

  @Override
  public java.util.List<String> examples() {
    return java.util.List.of(
        "mde-profiles init",
        "mde-profiles init --out tenants/contoso.yaml");
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Cli.valued("out", "FILE", "where to write it (default: " + GenerateCommand.DEFAULT_CONFIG + ")"))
        .addOption(Cli.flag("force", "replace the file if it exists"));
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'");
    }
    Path file = Path.of(line.getOptionValue("out", GenerateCommand.DEFAULT_CONFIG));
    byte[] text;
    try (InputStream in = InitCommand.class.getResourceAsStream(STARTER)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@PROFILE-SECTIONS@\n", profileSections())
          .getBytes(StandardCharsets.UTF_8);
    }
    try {
      if (line.hasOption("force")) {
        Files.write(file, text);
      } else {
        Files.write(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
    } catch (FileAlreadyExistsException e) {
      throw new OutputException(file + ": exists (use --force to replace it)");
    } catch (IOException e) {
      throw new OutputException(file + ": cannot write: " + org.mdeprofiles.io.IoProblem.describe(e));
    }
    out.println(Printable.line(file.toString()));
    return ExitCode.OK;
  }

  /**
   * The comment on each profile's section, from the catalog: every profile may have a display
   * name and a description; those without options of their own are listed commented out.
   */
  static String profileSections() {
    List<String> sections = Catalog.names().stream().map(ConfigFile::sectionOf).toList();
    StringBuilder out = new StringBuilder("# Each profile's section (");
    out.append(String.join(", ", sections)).append(") may have a displayName and a description:\n");
    StringBuilder wrapped = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : out.toString().strip().split(" ")) {
      if (line.length() + word.length() + 1 > 98) {
        wrapped.append(line).append('\n');
        line = new StringBuilder("#");
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    wrapped.append(line).append('\n');
    wrapped.append("# netfilter:\n#   displayName: Contoso - Defender network filter\n");
    for (String section : sections) {
      if (!section.equals("netfilter") && !STARTER_SECTIONS.contains(section)) {
        wrapped.append("# ").append(section).append(":\n");
      }
    }
    return wrapped.toString();
  }

  /** The profile sections the starter writes out in full, with their options. */
  private static final List<String> STARTER_SECTIONS = List.of("kext", "sysext", "notifications", "autoupdate");
}
