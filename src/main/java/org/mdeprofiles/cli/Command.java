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

  /** Runs the command and returns its exit code; throws for usage, input and output failures. */
  int run(CommandLine line, PrintStream out, PrintStream err) throws Exception;
}
