package org.mdeprofiles.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.Payload;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/** What follows from the catalog's table is derived from it, not kept beside it. */
class CatalogTableTest {
  private static final GenerateSettings SETTINGS = GenerateSettings.defaults();

  @Test
  void everyAppleTypeTheCatalogWritesHasItsPlaceInAGatheringProfile() {
    for (String type : Catalog.payloadTypes(Catalog.entries())) {
      assertTrue(!Catalog.isApple(type) || Payloads.GATHER_ORDER.contains(type), type);
    }
  }

  /** Every key path and value of {@code part} is in {@code whole} (arrays: every item). */
  private static boolean holds(PlistValue whole, PlistValue part) {
    if (whole instanceof PlistDict w && part instanceof PlistDict p) {
      return p.entries().entrySet().stream()
          .allMatch(e -> w.get(e.getKey()) != null && holds(w.get(e.getKey()), e.getValue()));
    }
    if (whole instanceof PlistArray w && part instanceof PlistArray p) {
      return w.items().containsAll(p.items());
    }
    return whole.equals(part);
  }

  @Test
  void combinedHoldsEveryModernDefaultProfileOncePerPayloadType() {
    Profile combined = Catalog.find(Catalog.COMBINED).orElseThrow().build(SETTINGS);
    List<String> types = combined.payloads().stream().map(Payload::type).toList();
    assertEquals(types.stream().distinct().toList(), types, "one payload per type");
    int parts = 0;
    for (CatalogEntry entry : Catalog.entries()) {
      if (!entry.inDefaultBundle() || entry.legacy() || entry.gathers()) {
        continue;
      }
      parts++;
      for (Payload p : entry.build(SETTINGS).payloads()) {
        Payload same = combined.payloads().stream().filter(c -> c.type().equals(p.type())).findFirst()
            .orElseThrow(() -> new AssertionError(entry.name() + ": " + p.type() + " missing from combined"));
        assertTrue(holds(same.content(), p.content()), entry.name() + " not all in combined");
        assertEquals(combined.identifier() + p.header().identifier().substring(entry.name().length()
            + SETTINGS.prefix().length() + 1), same.header().identifier());
      }
    }
    assertTrue(parts >= 2, "the default bundle has modern profiles");
  }

  @Test
  void aSplitTakesOutExactlyThePartsThatMustTravelAloneAndAddsTheirOwnProfiles() {
    Profile combined = Catalog.find(Catalog.COMBINED).orElseThrow().build(SETTINGS);
    List<Profile> split = Catalog.split(SETTINGS, List.of(combined), p -> !Catalog.isApple(p.type()));
    assertEquals(List.of("combined", "settings", "autoupdate"), split.stream().map(Profile::name).toList());
    assertTrue(split.get(0).payloads().stream().allMatch(p -> Catalog.isApple(p.type())));
    assertTrue(split.get(0).description().endsWith("; its preferences ship as their own profiles."));
    assertTrue(combined.description().endsWith(" and preferences."));
    assertEquals(Catalog.find("settings").orElseThrow().build(SETTINGS), split.get(1));
    // A profile already in the list is not added twice; nothing to take out leaves the list as it is.
    Profile settings = Catalog.find("settings").orElseThrow().build(SETTINGS);
    assertEquals(List.of("combined", "autoupdate", "settings"), Catalog.split(SETTINGS, List.of(combined, settings),
        p -> !Catalog.isApple(p.type())).stream().map(Profile::name).toList());
    List<Profile> untouched = List.of(combined);
    assertEquals(untouched, Catalog.split(SETTINGS, untouched, p -> false));
  }

  @Test
  void payloadsOfOneTypeThatDisagreeOnAValueAreNotMergedSilently() {
    PlistDict a = PlistDict.of("FilterGrade", new PlistValue.PlistString("inspector"));
    PlistDict b = PlistDict.of("FilterGrade", new PlistValue.PlistString("firewall"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Merge.dict(a, b));
    assertTrue(e.getMessage().startsWith("two payloads of one type disagree"), e.getMessage());
    assertEquals(PlistDict.of("Services", PlistDict.of("A", new PlistArray(List.of(new PlistValue.PlistString("x"))),
        "B", new PlistArray(List.of()))), Merge.dict(
            PlistDict.of("Services", PlistDict.of("A", new PlistArray(List.of(new PlistValue.PlistString("x"))))),
            PlistDict.of("Services", PlistDict.of("A", new PlistArray(List.of(new PlistValue.PlistString("x"))),
                "B", new PlistArray(List.of())))));
  }

  @Test
  void theMacos27AccessibilityNoteGoesToEveryProfileThatGrantsAccessibility() {
    org.mdeprofiles.model.MacosVersion v27 = org.mdeprofiles.model.MacosVersion.parse("27.0");
    assertEquals(List.of("accessibility", "combined"), FleetNotes.of(SETTINGS, Catalog.entries(), v27).stream()
        .map(FleetNotes.Note::profile).toList());
    assertEquals(List.of(), FleetNotes.of(SETTINGS, Catalog.entries(),
        org.mdeprofiles.model.MacosVersion.parse("26.0")));
  }

  @Test
  void uuidsHashApplesKeyNamesSoTheyAreKnownValues() {
    // Pinned: a UUID moves only when the profile's bytes would; Java names are not part of it.
    Profile kext = Catalog.find("kext").orElseThrow().build(SETTINGS);
    assertEquals(org.mdeprofiles.model.NameBasedUuid.forContent(kext.identifier(), kext.withUuid("").dictionary()),
        kext.uuid());
    Payload p = kext.payloads().get(0);
    assertEquals(org.mdeprofiles.model.NameBasedUuid.forContent(p.header().identifier(), p.withUuid("").dictionary()),
        p.header().uuid());
    assertEquals(Optional.empty(), Optional.ofNullable(p.withUuid("").dictionary().get("PayloadUUID")));
  }
}
