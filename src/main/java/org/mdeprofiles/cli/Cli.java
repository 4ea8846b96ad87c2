package org.mdeprofiles.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.OutputException;
import org.mdeprofiles.render.RenderException;
import org.mdeprofiles.text.DidYouMean;
import org.mdeprofiles.text.Printable;

/**
 * The command-line front end, run in-process by tests: parses the subcommand, runs it, and maps
 * every failure to a documented exit code and a one-line message on stderr.
 */
public final class Cli {
  static final String PROGRAM = "mde-profiles";

  private final PrintStream out;
  private final PrintStream err;
  private final List<Command> commands;

  public Cli(InputStream in, PrintStream out, PrintStream err) {
    this(in, out, err, in == System.in && System.console() != null);
  }

  /** With {@code terminal}, the process talks to a person: prompts, and summaries instead of lists. */
  Cli(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    this.out = out;
    this.err = err;
    List<Command> all = new ArrayList<>(List.of(new GenerateCommand(terminal), new PackageCommand(terminal),
        new ValidateCommand(in), new DiagnoseCommand(in, terminal), new SignCommand(), new DeployCommand(),
        new ListCommand(), new InitCommand()));
    all.add(new CompletionCommand(this::commandList));
    this.commands = List.copyOf(all);
  }

  List<Command> commandList() {
    return commands;
  }

  /** The names of every command, in the order help lists them. */
  List<String> commandNames() {
    return commands.stream().map(Command::name).toList();
  }

  public int run(String[] rawArgs) {
    List<String> args = new ArrayList<>(Arrays.asList(rawArgs));
    boolean debug = args.remove("--debug");
    if (args.isEmpty()) {
      err.print(overview());
      return ExitCode.USAGE;
    }
    String first = args.get(0);
    switch (first) {
      case "--help", "-h" -> {
        out.print(overview());
        return ExitCode.OK;
      }
      case "--version" -> {
        out.println(PROGRAM + " " + Version.get() + " on Java " + Runtime.version() + " ("
            + System.getProperty("java.vm.name") + ")");
        return ExitCode.OK;
      }
      case "help" -> {
        return help(args.size() > 1 ? args.get(1) : null);
      }
      default -> { }
    }
    Command command = find(first);
    if (command == null) {
      err.println(PROGRAM + ": unknown command '" + Printable.line(first) + "'"
          + DidYouMean.hint(first, commands.stream().map(Command::name).toList()) + " (try " + PROGRAM + " --help)");
      return ExitCode.USAGE;
    }
    String[] rest = args.subList(1, args.size()).toArray(new String[0]);
    if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
      out.print(help(command));
      return ExitCode.OK;
    }
    try {
      CommandLine line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(command.options(), rest, false);
      requireOnce(line, command);
      return command.run(line, out, err);
    } catch (org.apache.commons.cli.UnrecognizedOptionException e) {
      String option = e.getOption();
      List<String> known = command.options().getOptions().stream().map(o -> "--" + o.getLongOpt()).toList();
      err.println(PROGRAM + " " + command.name() + ": unknown option " + Printable.line(option)
          + DidYouMean.hint(option, known) + " (see " + PROGRAM + " help " + command.name() + ")");
      return ExitCode.USAGE;
    } catch (ParseException | UsageException e) {
      err.println(PROGRAM + " " + command.name() + ": " + Printable.line(String.valueOf(e.getMessage()))
          + " (see " + PROGRAM + " help " + command.name() + ")");
      return ExitCode.USAGE;
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return failed(e, err, debug);
    }
  }

  /**
   * The one line and exit code of a run that threw: bad input or I/O (3), anything else internal
   * (4, with the stack trace under --debug). Usage errors are said by the caller, which knows the
   * command.
   */
  static int failed(Throwable e, PrintStream err, boolean debug) {
    if (e instanceof InputException || e instanceof OutputException || e instanceof RenderException) {
      err.println(PROGRAM + ": " + Printable.line(String.valueOf(e.getMessage())));
      return ExitCode.BAD_INPUT;
    }
    err.println(PROGRAM + ": internal error: " + Printable.line(e.toString())
        + (debug ? "" : " (run with --debug for details)"));
    if (debug) {
      e.printStackTrace(err);
    }
    return ExitCode.INTERNAL;
  }

  /** Options that may be given more than once, each time adding a value. */
  static final java.util.Set<String> REPEATABLE = java.util.Set.of("jamf-group", "group-id");

  /**
   * A single-valued option given twice is a usage error naming both values: which one was meant
   * cannot be guessed (--mdm jamf --mdm intune wrote jamf only).
   */
  private static void requireOnce(CommandLine line, Command command) throws UsageException {
    for (org.apache.commons.cli.Option option : line.getOptions()) {
      String name = option.getLongOpt();
      if (option.hasArg() && !REPEATABLE.contains(name) && !command.repeatable().contains(name)
          && line.getOptionValues(name).length > 1) {
        String[] values = line.getOptionValues(name);
        throw new UsageException("--" + name + " is given more than once ('" + values[0] + "' and '" + values[1]
            + "'); give it once" + (name.equals("mdm") || name.equals("profiles") ? ", with a comma-separated list" : ""));
      }
    }
  }

  private int help(String name) {
    if (name == null) {
      out.print(overview());
      return ExitCode.OK;
    }
    Command command = find(name);
    if (command == null) {
      err.println(PROGRAM + ": unknown command '" + name + "'");
      return ExitCode.USAGE;
    }
    out.print(help(command));
    return ExitCode.OK;
  }

  private Command find(String name) {
    return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  private String overview() {
    StringBuilder s = new StringBuilder();
    s.append("usage: ").append(PROGRAM).append(" COMMAND [OPTIONS]\n\n");
    s.append("Configuration profiles for Microsoft Defender for Endpoint on macOS.\n\ncommands:\n");
    for (Command c : commands) {
      s.append(String.format("  %-10s %s%n", c.name(), c.summary()));
    }
    s.append("\n  ").append(PROGRAM).append(" help COMMAND    options of one command\n");
    s.append("  ").append(PROGRAM).append(" --version\n\n");
    s.append("exit codes: 0 ok, 1 findings, 2 usage error, 3 unreadable input or I/O failure,"
        + " 4 internal error\n");
    return s.toString();
  }

  // The classic HelpFormatter is deprecated in favour of the help package, whose layout differs;
  // the classic layout is the one the README and tests show.
  @SuppressWarnings("deprecation")
  private static String help(Command command) {
    StringWriter text = new StringWriter();
    HelpFormatter formatter = new HelpFormatter();
    formatter.setOptionComparator(null);
    formatter.setWidth(100);
    formatter.printHelp(
        new PrintWriter(text),
        100,
        PROGRAM + " " + command.name() + " " + command.usage(),
        command.summary() + "\n\n",
        command.options(),
        2,
        2,
        "\n" + command.footer());
    StringBuilder examples = new StringBuilder("\nexamples:\n");
    command.examples().forEach(e -> examples.append("  ").append(e).append('\n'));
    return text.toString().replace("\r\n", "\n") + examples;
  }

  /** The --format value, one of {@code allowed} (the first is the default). */
  static String format(CommandLine line, List<String> allowed) throws UsageException {
    String format = line.getOptionValue("format", allowed.get(0)).toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(format)) {
      throw new UsageException("--format must be " + String.join(" or ", allowed) + ", not '" + format + "'");
    }
    return format;
  }

  /** An option that takes one value. */
  static Option valued(String name, String arg, String description) {
    return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get();
  }

  /** An option without a value. */
  static Option flag(String name, String description) {
    return Option.builder().longOpt(name).desc(description).get();
  }
}
