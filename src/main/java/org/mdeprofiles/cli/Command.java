package org.mdeprofiles.cli;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** A subcommand: its name, its own options, and how it runs. */
interface Command {
  String name();

  /** The usage line after "mde-profiles NAME". */
  String usage();

  String summary();

  Options options();

  /** Text after the options in {@code help NAME}: exit codes and examples. */
  default String footer() {
    return "exit codes: 0 ok, 1 findings, 2 usage error, 3 unreadable input or I/O failure, 4 internal error";
  }

  /**
   * Command lines that show the command at work, each as one types it (help prints them, and a
   * test parses each against {@link #options()}).
   */
  java.util.List<String> examples();

  /** Options this command takes more than once, besides those every command may repeat. */
  default java.util.Set<String> repeatable() {
    return java.util.Set.of();
  }

  /** Runs the command and returns its exit code; throws for usage, input and output failures. */
  int run(CommandLine line, PrintStream out, PrintStream err) throws Exception;
}
