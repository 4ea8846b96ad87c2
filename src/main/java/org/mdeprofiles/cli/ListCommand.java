package org.mdeprofiles.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.catalog.CatalogEntry;
import org.mdeprofiles.io.Json;

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
  public java.util.List<String> examples() {
    return java.util.List.of(
        "mde-profiles list",
        "mde-profiles list --format json");
  }

  @Override
  public Options options() {
    return new Options().addOption(Cli.valued("format", "FORMAT", "text (default) or json"));
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'");
    }
    if (Cli.format(line, List.of("text", "json")).equals("json")) {
      List<Object> entries = new ArrayList<>();
      for (CatalogEntry e : Catalog.entries()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", e.name());
        entry.put("macos", e.macosRange());
        entry.put("deprecatedFrom", e.deprecatedFrom().map(Object::toString).orElse(null));
        entry.put("legacy", e.legacy());
        entry.put("inDefaultBundle", e.inDefaultBundle());
        entry.put("purpose", e.purposeWithNotes());
        entries.add(entry);
      }
      out.print(Json.write(Map.of("profiles", entries)));
      return ExitCode.OK;
    }
    out.printf("%-14s %-14s %s%n", "PROFILE", "MACOS", "PURPOSE");
    for (CatalogEntry e : Catalog.entries()) {
      out.printf("%-14s %-14s %s%n", e.name(), e.macosRange(), e.purposeWithNotes());
    }
    return ExitCode.OK;
  }
}
