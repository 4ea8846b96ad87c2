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
