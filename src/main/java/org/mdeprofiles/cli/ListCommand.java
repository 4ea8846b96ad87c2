package org.mdeprofiles.cli;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.catalog.CatalogEntry;

/** {@code list}: the profiles the catalog can build, with their macOS range. */
final class ListCommand implements Command {
  @Override
  public String name() {
    return "list";
  }

  @Override
  public String usage() {
    return "";
  }

  @Override
  public String summary() {
    return "show the profiles mde-profiles can build, with their macOS range";
  }

  @Override
  public Options options() {
    return new Options();
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'");
    }
    out.printf("%-14s %-14s %s%n", "PROFILE", "MACOS", "PURPOSE");
    for (CatalogEntry e : Catalog.entries()) {
      out.printf("%-14s %-14s %s%n", e.name(), e.macosRange(), e.description());
    }
    return ExitCode.OK;
  }
}
