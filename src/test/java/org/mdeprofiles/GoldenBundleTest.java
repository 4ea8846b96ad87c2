package org.mdeprofiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.cli.CliRun;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * Each folder under {@code samples/} holds a {@code config.yaml} and the exact bundle it gives in
 * {@code expected/}. Run with {@code -Dmde.updateGoldens=true} to rewrite them, then review the diff.
 */
class GoldenBundleTest {
  private static final Path SAMPLES = Path.of("samples");
  private static final boolean UPDATE = Boolean.getBoolean("mde.updateGoldens");

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> everySampleMatchesItsGoldenBundle() throws IOException {
    List<Path> samples;
    try (Stream<Path> list = Files.list(SAMPLES)) {
      samples = list.filter(p -> Files.isRegularFile(p.resolve("config.yaml"))).sorted().toList();
    }
    if (samples.size() < 2) {
      fail("expected at least two samples under " + SAMPLES.toAbsolutePath());
    }
    return samples.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> check(s)));
  }

  @Test
  void noOptionsGivesTheDefaultSample() throws IOException {
    Path out = temp.resolve("plain-run");
    CliRun run = CliRun.of("generate", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    compareOrUpdate(SAMPLES.resolve("default/expected"), out);
  }

  @Test
  void theStarterConfigFromInitGivesTheDefaultBundle() throws IOException {
    Path config = temp.resolve("mde-profiles.yaml");
    CliRun init = CliRun.of("init", "--out", config.toString());
    assertEquals(0, init.exit(), init.err());
    assertEquals(config + "\n", init.out());
    assertEquals(3, CliRun.of("init", "--out", config.toString()).exit(), "never replaced without --force");
    Path out = temp.resolve("from-init");
    CliRun run = CliRun.of("generate", "--config", config.toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    compareOrUpdate(SAMPLES.resolve("default/expected"), out);
    // Every setting the config reads is in the starter, commented or not.
    String text = Files.readString(config);
    List<String> keys = new java.util.ArrayList<>(List.of("organization", "prefix", "removalDisallowed", "macos",
        "profiles", "mdm", "onboarding", "approval", "teamIdentifiers", "kernelExtensions", "nonRemovable",
        "alertType", "badges", "sounds", "notificationCenter", "lockScreen", "criticalAlerts", "channel",
        "howToCheck", "settings", "displayName", "description", "jamf", "category", "distributionMethod",
        "redeployOnUpdate", "computerGroups", "intune", "deploymentChannel"));
    // A section for every profile of the catalog, settingsProfile for the settings profile.
    org.mdeprofiles.catalog.Catalog.names().forEach(n -> keys.add(n.equals("settings") ? "settingsProfile" : n));
    for (String key : keys) {
      assertTrue(java.util.regex.Pattern.compile("(?m)^#? ?" + key + ":| " + key + ":").matcher(text).find(),
          key + " is not in the starter config");
    }
  }

  private void check(Path sample) throws IOException {
    Path out = temp.resolve(sample.getFileName().toString());
    CliRun run = CliRun.of("generate", "--config", sample.resolve("config.yaml").toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    compareOrUpdate(sample.resolve("expected"), out);
  }

  /**
   * Compares, or with the update switch first rewrites the golden copy: tests that share a golden
   * bundle run in any order, so each may be the one that rewrites it.
   */
  private static void compareOrUpdate(Path expected, Path out) throws IOException {
    if (UPDATE) {
      replace(expected, out);
    }
    compare(expected, out);
  }

  /** The empty file the writer locks while it writes; not part of the bundle (no manifest entry). */
  private static final String LOCK = ".mde-profiles.lock";

  private static void compare(Path expected, Path actual) throws IOException {
    assertEquals(files(expected), files(actual), "files of the bundle");
    assertEquals(0, Files.size(actual.resolve(LOCK)), "the lock file is empty");
    // Profiles first: their XMLUnit difference says more than the manifest's changed hash.
    List<String> names = new java.util.ArrayList<>(files(expected));
    names.sort(java.util.Comparator.comparing((String n) -> n.equals("manifest.json")));
    for (String name : names) {
      byte[] want = Files.readAllBytes(expected.resolve(name));
      byte[] got = Files.readAllBytes(actual.resolve(name));
      if (!Arrays.equals(want, got)) {
        fail(name + " differs from its golden file: " + describe(name, want, got)
            + " (if the change is intended, run mvn test -Dmde.updateGoldens=true and review the diff)");
      }
    }
  }

  private static String describe(String name, byte[] want, byte[] got) {
    String w = new String(want, StandardCharsets.UTF_8);
    String g = new String(got, StandardCharsets.UTF_8);
    if (name.endsWith(".mobileconfig") || name.endsWith(".xml") || name.endsWith(".plist")) {
      Diff diff = DiffBuilder.compare(w).withTest(g).build();
      if (diff.hasDifferences()) {
        return diff.toString();
      }
      return "same XML, different bytes (whitespace or encoding)";
    }
    String[] wl = w.split("\n", -1);
    String[] gl = g.split("\n", -1);
    for (int i = 0; i < Math.min(wl.length, gl.length); i++) {
      if (!wl[i].equals(gl[i])) {
        return "line " + (i + 1) + ": expected <" + wl[i] + "> but was <" + gl[i] + ">";
      }
    }
    return "expected " + wl.length + " lines but was " + gl.length;
  }

  private static TreeSet<String> files(Path root) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return names;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(LOCK))
          .forEach(p -> names.add(root.relativize(p).toString().replace('\\', '/')));
    }
    return names;
  }

  private static void replace(Path expected, Path actual) throws IOException {
    if (Files.isDirectory(expected)) {
      try (Stream<Path> walk = Files.walk(expected)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (String name : files(actual)) {
      Path target = expected.resolve(name);
      Files.createDirectories(target.getParent());
      Files.copy(actual.resolve(name), target);
    }
  }
}
