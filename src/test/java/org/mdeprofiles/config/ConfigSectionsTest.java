package org.mdeprofiles.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.catalog.CatalogEntry;

/** Every catalog profile has its config section, derived from the catalog's table. */
class ConfigSectionsTest {
  @TempDir Path dir;

  @Test
  void everyProfileOfTheCatalogTakesItsTextsFromItsSection() throws Exception {
    for (CatalogEntry entry : Catalog.entries()) {
      String section = entry.name().equals("settings") ? ConfigFile.SETTINGS_PROFILE_SECTION : entry.name();
      Path file = dir.resolve(entry.name() + ".yaml");
      Files.writeString(file, section + ":\n  displayName: Named " + entry.name() + "\n  description: About it\n");
      SettingsBuilder builder = new SettingsBuilder();
      ConfigFile.load(file, builder, Catalog.names());
      GenerateSettings settings = builder.build();
      assertEquals("Named " + entry.name(), entry.build(settings).displayName());
      assertEquals("About it", entry.build(settings).description());
    }
  }

  @Test
  void optionsBelongToProfilesOfTheCatalog() {
    assertTrue(Catalog.names().containsAll(ConfigSections.OPTIONS.keySet()), ConfigSections.OPTIONS.keySet().toString());
  }
}
