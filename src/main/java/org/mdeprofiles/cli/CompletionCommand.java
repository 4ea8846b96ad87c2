package org.mdeprofiles.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mdeprofiles.pack.BundleRequest;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.catalog.CatalogEntry;

/**
 * {@code completion bash|zsh|fish}: a shell script completing commands, their options, profile
 * names, targets and formats. Everything in it is derived from the commands and the catalog.
 */
final class CompletionCommand implements Command {
  /** Options whose value is a file or folder: completed as paths. */
  private static final Set<String> PATHS =
      Set.of("out", "config", "onboarding", "templates", "settings-schema");

  private final Supplier<List<Command>> commands;

  CompletionCommand(Supplier<List<Command>> commands) {
    this.commands = commands;
  }

  @Override
  public String name() {
    return "completion";
  }

  @Override
  public String usage() {
    return "bash|zsh|fish";
  }

  @Override
  public String summary() {
    return "print a shell completion script (bash: source <(mde-profiles completion bash))";
  }

  @Override
  public java.util.List<String> examples() {
    return java.util.List.of(
        "source <(mde-profiles completion bash)",
        "mde-profiles completion fish > ~/.config/fish/completions/mde-profiles.fish");
  }

  @Override
  public Options options() {
    return new Options();
  }

  @Override
  public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
    List<String> args = line.getArgList();
    if (args.size() != 1 || !List.of("bash", "zsh", "fish").contains(args.get(0))) {
      throw new UsageException("name the shell: bash, zsh or fish");
    }
    out.print(args.get(0).equals("fish") ? fish() : (args.get(0).equals("zsh") ? ZSH_PREAMBLE : "") + bash());
    return ExitCode.OK;
  }

  private static final String ZSH_PREAMBLE = "autoload -U +X bashcompinit && bashcompinit\n";

  private static String values(String option) {
    return switch (option) {
      case "profiles" -> String.join(" ", Catalog.entries().stream().map(CatalogEntry::name).toList());
      case "mdm" -> String.join(" ", BundleRequest.ALL_TARGETS);
      case "format" -> "text json junit";
      case "kext-approval" -> "team bundle both";
      case "intune-channel" -> "deviceChannel userChannel";
      default -> "";
    };
  }

  private String bash() {
    StringBuilder s = new StringBuilder();
    s.append("# mde-profiles completion for bash (and zsh through bashcompinit)\n");
    s.append("_mde_profiles() {\n");
    s.append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" opts=\"\"\n");
    s.append("  if [ \"$COMP_CWORD\" -eq 1 ]; then\n");
    s.append("    COMPREPLY=($(compgen -W \"").append(String.join(" ", names())).append(" help --help --version\" -- \"$cur\"))\n");
    s.append("    return\n  fi\n");
    s.append("  case \"$prev\" in\n");
    for (String option : List.of("profiles", "mdm")) {
      // Comma-separated lists: the word after the last comma is completed.
      s.append("    --").append(option).append(") local head=\"\"; case \"$cur\" in *,*) head=\"${cur%,*},\";; esac;")
          .append(" COMPREPLY=($(compgen -P \"$head\" -W \"").append(values(option))
          .append("\" -- \"${cur##*,}\")); return;;\n");
    }
    for (String option : List.of("format", "kext-approval", "intune-channel")) {
      s.append("    --").append(option).append(") COMPREPLY=($(compgen -W \"").append(values(option))
          .append("\" -- \"$cur\")); return;;\n");
    }
    s.append("    --").append(String.join("|--", PATHS)).append(") COMPREPLY=($(compgen -f -- \"$cur\")); return;;\n");
    s.append("  esac\n");
    s.append("  case \"${COMP_WORDS[1]}\" in\n");
    optionsByCommand().forEach((command, options) -> s.append("    ").append(command).append(") opts=\"")
        .append(String.join(" ", options)).append("\";;\n"));
    s.append("  esac\n");
    s.append("  if [ \"${cur#-}\" != \"$cur\" ]; then\n");
    s.append("    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n");
    s.append("  else\n    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\n");
    s.append("complete -o default -F _mde_profiles mde-profiles\n");
    return s.toString();
  }

  private String fish() {
    StringBuilder s = new StringBuilder("# mde-profiles completion for fish\n");
    s.append("complete -c mde-profiles -f -n __fish_use_subcommand -a \"").append(String.join(" ", names()))
        .append("\"\n");
    optionsByCommand().forEach((command, options) -> {
      for (String option : options) {
        String name = option.substring(2);
        s.append("complete -c mde-profiles -n \"__fish_seen_subcommand_from ").append(command).append("\" -l ")
            .append(name);
        if (!values(name).isEmpty()) {
          s.append(" -x -a \"").append(values(name)).append('"');
        } else if (PATHS.contains(name)) {
          s.append(" -r -F");
        }
        s.append('\n');
      }
    });
    return s.toString();
  }

  private List<String> names() {
    List<String> names = new ArrayList<>();
    commands.get().forEach(c -> names.add(c.name()));
    return names;
  }

  private Map<String, List<String>> optionsByCommand() {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (Command c : commands.get()) {
      List<String> options = new ArrayList<>();
      for (Option o : c.options().getOptions()) {
        options.add("--" + o.getLongOpt());
      }
      options.add("--help");
      out.put(c.name(), options);
    }
    return out;
  }
}
