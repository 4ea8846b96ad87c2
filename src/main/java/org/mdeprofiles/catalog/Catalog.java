package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mdeprofiles.model.MacosVersion;

/** Every profile mde-profiles can build, in the order they are listed and written. */
public final class Catalog {
  private static final List<CatalogEntry> ENTRIES =
      List.of(
          new CatalogEntry(
              KextProfile.NAME,
              "approves the Defender kernel extension (legacy: fleets on macOS 10.15 and older)",
              MacosVersion.parse("10.13"),
              Optional.of(MacosVersion.parse("10.15")),
              true,
              KextProfile::build));

  private Catalog() {}

  public static List<CatalogEntry> entries() {
    return ENTRIES;
  }

  public static Optional<CatalogEntry> find(String name) {
    return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * The entries to build: the named ones (all when {@code names} is empty) that apply to a fleet
   * whose oldest Mac runs {@code oldest}, when given.
   */
  public static List<CatalogEntry> select(List<String> names, Optional<MacosVersion> oldest) {
    List<CatalogEntry> selected = new ArrayList<>();
    for (CatalogEntry entry : ENTRIES) {
      boolean named = names.isEmpty() || names.contains(entry.name());
      if (named && oldest.map(entry::appliesTo).orElse(true)) {
        selected.add(entry);
      }
    }
    return selected;
  }
}
