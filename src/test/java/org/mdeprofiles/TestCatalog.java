package org.mdeprofiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.catalog.CatalogEntry;

/**
 * What tests need to know of the catalog, read from its table or from the golden bundle, so that
 * adding a profile changes the catalog and the regenerated goldens, not every test that counts.
 */
public final class TestCatalog {
  private static final boolean UPDATE = Boolean.getBoolean("mde.updateGoldens");
  private static final Path DEFAULT_BUNDLE = Path.of("samples/default/expected");

  private TestCatalog() {}

  /** The default bundle's profiles, in catalog order. */
  public static List<CatalogEntry> defaults() {
    return Catalog.select(List.of(), Optional.empty());
  }

  /** The default bundle's profile names, in catalog order. */
  public static List<String> defaultNames() {
    return defaults().stream().map(CatalogEntry::name).toList();
  }

  /** The files of the default bundle's golden copy (manifest.json among them), relative and sorted. */
  public static List<String> goldenFiles() {
    skipWhileRewriting();
    try (Stream<Path> walk = Files.walk(DEFAULT_BUNDLE)) {
      return walk.filter(Files::isRegularFile).map(p -> DEFAULT_BUNDLE.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many golden files lie in {@code folder} of the default bundle and end with {@code suffix}. */
  public static long goldenCount(String folder, String suffix) {
    return goldenFiles().stream().filter(f -> f.startsWith(folder) && f.endsWith(suffix)).count();
  }

  /**
   * A test that reads the golden bundle is skipped while -Dmde.updateGoldens=true rewrites it (it
   * might read the old copy); the run after the update checks it.
   */
  private static void skipWhileRewriting() {
    org.junit.jupiter.api.Assumptions.assumeFalse(UPDATE, "the golden files are being rewritten");
  }

  /** The default bundle's golden manifest entries, in their order. */
  private static List<java.util.Map<?, ?>> goldenEntries() {
    skipWhileRewriting();
    try {
      java.util.Map<?, ?> manifest = (java.util.Map<?, ?>) org.mdeprofiles.io.SafeYaml.load(
          Files.readString(DEFAULT_BUNDLE.resolve("manifest.json")));
      return ((List<?>) manifest.get("files")).stream().<java.util.Map<?, ?>>map(f -> (java.util.Map<?, ?>) f).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The profile names the golden bundle's folder {@code mdm} holds, each once, in manifest order. */
  public static List<String> goldenProfiles(String mdm) {
    return goldenEntries().stream().filter(e -> mdm.equals(e.get("mdm")) && e.get("profile") != null)
        .map(e -> (String) ((java.util.Map<?, ?>) e.get("profile")).get("name")).distinct().toList();
  }

  /** The golden bundle's Jamf Classic bodies, in manifest order, as {base name, the profile name Jamf shows}. */
  public static List<String[]> goldenClassicBodies() {
    java.util.regex.Pattern name = java.util.regex.Pattern.compile("<general>\\s*<name>([^<]*)</name>");
    return goldenEntries().stream().map(e -> (String) e.get("path"))
        .filter(p -> p.startsWith("jamf/") && p.endsWith(".classic.xml")).map(p -> {
          try {
            java.util.regex.Matcher m = name.matcher(Files.readString(DEFAULT_BUNDLE.resolve(p)));
            if (!m.find()) {
              throw new AssertionError(p + " has no general name");
            }
            return new String[] {p.substring("jamf/".length(), p.length() - ".classic.xml".length()), m.group(1)};
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }).toList();
  }

  /**
   * Asserts {@code actual} is the text of golden file {@code resource} (under src/test/resources);
   * with {@code -Dmde.updateGoldens=true} rewrites it instead, for review in the diff.
   */
  public static void assertGolden(String resource, String actual) {
    Path file = Path.of("src/test/resources").resolve(resource);
    try {
      if (UPDATE) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
          resource + " (if the change is intended, run mvn test -Dmde.updateGoldens=true and review the diff)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
