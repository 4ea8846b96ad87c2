package org.mdeprofiles.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.mdeprofiles.text.Printable;

/**
 * Batch generate: one bundle per tenant config ({@code --config} given several times, or
 * {@code --configs DIR} with one YAML per tenant), each into {@code --out DIR/<name>}, in one JVM
 * whose templates, specs and validator are built once, the tenants spread over the cores. Each
 * tenant keeps every guarantee of a single run (validated, all or nothing, its own manifest and
 * lock); a tenant that fails says so in its own lines and the others still complete. The exit
 * code is the worst tenant's.
 */
final class Tenants {
  /** One tenant's run: its config, its folder, its own output streams. */
  interface Run {
    int run(Path config, Path outDir, PrintStream out, PrintStream err) throws Exception;
  }

  private Tenants() {}

  /** The configs named by --config (in order) and --configs DIR (its *.yaml and *.yml, by name). */
  static List<Path> configs(CommandLine line) throws UsageException {
    List<Path> out = new ArrayList<>();
    if (line.hasOption("config")) {
      for (String c : line.getOptionValues("config")) {
        out.add(Path.of(c));
      }
    }
    if (line.hasOption("configs")) {
      Path dir = Path.of(line.getOptionValue("configs"));
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(p -> p.getFileName().toString().matches(".+\\.ya?ml") && Files.isRegularFile(p)).sorted()
            .forEach(out::add);
      } catch (IOException e) {
        throw new UsageException("--configs " + Printable.line(dir.toString()) + ": not a folder that can be read");
      }
      if (out.isEmpty()) {
        throw new UsageException("--configs " + Printable.line(dir.toString()) + ": no .yaml file in it");
      }
    }
    return out;
  }

  /** A tenant's name: its config's file name without the extension. */
  static String name(Path config) {
    return config.getFileName().toString().replaceFirst("\\.ya?ml$", "");
  }

  /**
   * Tenants written at once: four per core. A tenant spends about half its time waiting for the
   * disk to sync its files (measured: with syncs made free, a batch takes half the time), and while
   * one waits another computes; several syncs at once also share the file system's journal
   * commits. 1,000 tenants on two cores: two at once took 20.5 s, eight 10.8 s. At most 64.
   */
  static int threads(int cores) {
    return Math.min(64, 4 * cores);
  }

  static int run(List<Path> configs, Path outParent, Run run, PrintStream out, PrintStream err)
      throws UsageException {
    Map<String, Path> names = new HashMap<>();
    for (Path c : configs) {
      Path other = names.putIfAbsent(name(c), c);
      if (other != null) {
        throw new UsageException("two tenant configs are named " + Printable.line(name(c)) + " (" + Printable.line(
            other.toString()) + " and " + Printable.line(c.toString()) + "); each writes to --out/<name>");
      }
    }
    int threads = Math.max(1, Math.min(configs.size(), threads(Runtime.getRuntime().availableProcessors())));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tenant");
      t.setDaemon(true);
      return t;
    });
    AtomicInteger done = new AtomicInteger();
    java.io.Console console = System.console();
    List<Future<Result>> results = new ArrayList<>();
    for (Path config : configs) {
      results.add(pool.submit(() -> {
        Result r = one(run, config, outParent.resolve(name(config)));
        if (console != null) {
          // Progress on a terminal only: a pipeline's stderr gets the summary alone.
          console.printf("\r%d of %d tenants done", done.incrementAndGet(), configs.size()).flush();
        }
        return r;
      }));
    }
    pool.shutdown();
    int worst = ExitCode.OK;
    int failed = 0;
    if (console != null) {
      console.printf("%n");
    }
    for (int i = 0; i < configs.size(); i++) {
      Result r;
      try {
        r = results.get(i).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UsageException("interrupted");
      } catch (java.util.concurrent.ExecutionException e) {
        r = new Result(ExitCode.INTERNAL, "", Cli.PROGRAM + ": internal error: " + e.getCause() + "\n");
      }
      // In the order given, whatever order they finished in: same input, same output.
      out.print(r.out());
      if (!r.err().isEmpty()) {
        err.print("tenant " + Printable.line(name(configs.get(i))) + ":\n" + r.err());
      }
      worst = Math.max(worst, r.exit());
      failed += r.exit() == ExitCode.OK ? 0 : 1;
    }
    err.println("generate: " + configs.size() + " tenants: " + (configs.size() - failed) + " written, " + failed
        + " failed" + (failed == 0 ? "" : " (exit " + worst + ")"));
    return worst;
  }

  private record Result(int exit, String out, String err) {}

  private static Result one(Run run, Path config, Path outDir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      try {
        exit = run.run(config, outDir, o, e);
      } catch (UsageException ex) {
        e.println(Cli.PROGRAM + " generate: " + Printable.line(String.valueOf(ex.getMessage())));
        exit = ExitCode.USAGE;
      } catch (Exception | StackOverflowError | OutOfMemoryError ex) {
        exit = Cli.failed(ex, e, false);
      }
    }
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
