package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {
  @Test
  void noArgumentsIsUsage() {
    CliRun run = CliRun.of();
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("usage: mde-profiles COMMAND [OPTIONS]\n"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("  generate   write the profiles Defender needs"), run.out());
    assertTrue(run.out().contains("  validate   check profiles"), run.out());
    assertTrue(run.out().contains("  list       show the profiles"), run.out());
    assertTrue(run.out().contains("exit codes: 0 ok, 1 findings, 2 usage error, 3 unreadable input or I/O"
        + " failure, 4 internal error"), run.out());
  }

  @Test
  void helpForACommandShowsItsOptions() {
    CliRun run = CliRun.of("help", "validate");
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("usage: mde-profiles validate [OPTIONS] FILE...|DIR|-\n"), run.out());
    assertTrue(run.out().contains("--strict"), run.out());
    assertEquals(run.out(), CliRun.of("validate", "--help").out());
  }

  @Test
  void versionComesFromTheBuild() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.exit());
    // The commit and its date come from git when the build has it (a checkout), else "unknown".
    String commit = "\\((commit [0-9a-f]{12} of \\d{4}-\\d{2}-\\d{2}( \\+ changes)?|commit unknown)\\)";
    assertTrue(run.out().matches("mde-profiles \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? " + commit + " on Java "
        + java.util.regex.Pattern.quote(Runtime.version().toString()) + " \\([^)\n]+\\)\n"), run.out());
    if (java.nio.file.Files.isDirectory(java.nio.file.Path.of(".git"))) {
      assertTrue(run.out().contains("(commit ") && !run.out().contains("commit unknown"), run.out());
    }
  }

  @Test
  void helpAfterAnyCommandWithEitherSpelling() {
    for (String command : List.of("generate", "package", "validate", "diagnose", "list")) {
      CliRun h = CliRun.of(command, "-h");
      assertEquals(0, h.exit());
      assertEquals(CliRun.of(command, "--help").out(), h.out());
      assertTrue(h.out().startsWith("usage: mde-profiles " + command), h.out());
    }
  }

  @Test
  void listAsJson() {
    CliRun run = CliRun.of("list", "--format", "json");
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("{\n  \"profiles\": [\n    {\n      \"name\": \"sysext\",\n"
        + "      \"macos\": \"10.15+\",\n      \"deprecatedFrom\": null,\n"), run.out());
    assertTrue(run.out().contains("\"name\": \"accessibility\",\n      \"macos\": \"10.14+\",\n"
        + "      \"deprecatedFrom\": \"27.0\""), run.out());
  }

  @Test
  void unknownCommandAndOption() {
    CliRun command = CliRun.of("frobnicate");
    assertEquals(2, command.exit());
    assertEquals("mde-profiles: unknown command 'frobnicate' (try mde-profiles --help)\n", command.err());
    CliRun option = CliRun.of("generate", "--colour");
    assertEquals(2, option.exit());
    assertEquals("mde-profiles generate: unknown option --colour (see mde-profiles help generate)\n",
        option.err());
    CliRun partial = CliRun.of("validate", "--form", "json", "x");
    assertEquals(2, partial.exit(), "no abbreviated options");
    assertEquals("mde-profiles validate: unknown option --form; did you mean '--format'? (see mde-profiles help"
        + " validate)\n", partial.err());
  }

  @Test
  void mistypedWordsGetTheNearestKnownOne() {
    assertEquals("mde-profiles: unknown command 'genrate'; did you mean 'generate'? (try mde-profiles --help)\n",
        CliRun.of("genrate").err());
    assertEquals("mde-profiles generate: unknown option --profles; did you mean '--profiles'? (see mde-profiles"
        + " help generate)\n", CliRun.of("generate", "--profles", "kext").err());
    assertEquals("mde-profiles generate: --profiles: unknown profile 'sysxt'; did you mean 'sysext'? (known: "
        + String.join(", ", org.mdeprofiles.catalog.Catalog.names()) + ") (see mde-profiles help generate)\n",
        CliRun.of("generate", "--profiles", "sysxt").err());
    assertEquals("mde-profiles generate: --mdm: unknown target 'jamff'; did you mean 'jamf'? (known: jamf, intune,"
        + " plain) (see mde-profiles help generate)\n", CliRun.of("generate", "--mdm", "jamff").err());
    assertEquals(2, CliRun.of("genrate").exit());
  }

  @Test
  void listShowsTheCatalog() {
    CliRun run = CliRun.of("list");
    assertEquals(0, run.exit());
    org.mdeprofiles.TestCatalog.assertGolden("org/mdeprofiles/cli/list.txt", run.out());
  }

  /** What the bash completion script offers for the words typed so far, the last one partial. */
  private static String complete(java.nio.file.Path script, String... words) throws Exception {
    String array = String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList());
    Process p = new ProcessBuilder("bash", "-c", "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD="
        + (words.length - 1) + "; _mde_profiles; echo \"${COMPREPLY[*]}\"").start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor());
    return out;
  }

  @Test
  void bashCompletionCompletesCommandsOptionsProfilesAndTargets(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    CliRun run = CliRun.of("completion", "bash");
    assertEquals(0, run.exit());
    java.nio.file.Path script = dir.resolve("mde-profiles.bash");
    java.nio.file.Files.writeString(script, run.out());
    assertEquals("generate", complete(script, "mde-profiles", "gen"));
    assertEquals("--profiles", complete(script, "mde-profiles", "generate", "--pro"));
    assertEquals("sysext,netfilter", complete(script, "mde-profiles", "generate", "--profiles", "sysext,ne"));
    assertEquals("jamf", complete(script, "mde-profiles", "package", "--mdm", "ja"));
    assertEquals("json junit", complete(script, "mde-profiles", "validate", "--format", "j"));
    assertEquals(2, CliRun.of("completion", "tcsh").exit());
    assertTrue(CliRun.of("completion", "zsh").out().startsWith("autoload -U +X bashcompinit && bashcompinit\n"));
    assertTrue(CliRun.of("completion", "fish").out().contains(
        "complete -c mde-profiles -n \"__fish_seen_subcommand_from generate\" -l mdm -x -a \"jamf intune plain\"\n"));
  }

  @Test
  void everyCommandsHelpHasExamplesThatParseAsThatCommand() throws Exception {
    for (Command command : new Cli(System.in, System.out, System.err).commandList()) {
      assertFalse(command.examples().isEmpty(), command.name() + " has no examples");
      String help = CliRun.of("help", command.name()).out();
      assertTrue(help.contains("\nexamples:\n  " + command.examples().get(0) + "\n"), help);
      for (String example : command.examples()) {
        List<String> words = List.of(example.replace("<(", " ").replace(")", " ").trim().split("\\s+"));
        int at = words.indexOf("mde-profiles");
        assertTrue(at >= 0 && words.get(at + 1).equals(command.name()), example);
        List<String> args = new java.util.ArrayList<>();
        for (String w : words.subList(at + 2, words.size())) {
          if (w.equals("|") || w.equals(">")) {
            break;
          }
          args.add(w);
        }
        // Throws for an option the command does not have or a value left out.
        new org.apache.commons.cli.DefaultParser().parse(command.options(), args.toArray(String[]::new));
      }
    }
  }

  /** The README's block for {@code command}: from its usage line to the next command's. */
  private static String readmeSection(String readme, String command) {
    int start = readme.indexOf("\n    mde-profiles " + command + " ");
    if (start < 0) {
      start = readme.indexOf("\n    mde-profiles " + command + "\n");
    }
    assertTrue(start >= 0, command + " has no usage block in the README");
    int end = readme.indexOf("\n    mde-profiles ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  @Test
  void everyOptionOfEveryCommandIsInItsReadmeBlock() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    List<String> missing = new java.util.ArrayList<>();
    // Every command the CLI has, not a list kept by hand (which had left out sign).
    List<String> commands = new Cli(System.in, System.out, System.err).commandNames();
    assertTrue(commands.containsAll(List.of("generate", "validate", "sign", "deploy")), commands.toString());
    for (String command : commands) {
      String section = readmeSection(readme, command);
      String help = CliRun.of("help", command).out();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("--([a-z][a-z-]+)").matcher(help);
      while (m.find()) {
        String option = m.group(1);
        // "the --jamf-* options" stands for every option of that prefix.
        boolean wildcard = option.contains("-") && section.contains("--" + option.substring(0, option.indexOf('-'))
            + "-*");
        if (!section.contains("--" + option) && !wildcard) {
          missing.add(command + " --" + option);
        }
      }
    }
    assertEquals(List.of(), missing);
  }
}
