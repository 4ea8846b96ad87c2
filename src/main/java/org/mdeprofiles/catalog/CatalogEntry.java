package org.mdeprofiles.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.model.Required;

/**
 * One profile the catalog can build: one row of the catalog's table.
 *
 * @param name short name, used for --profiles, as the file's base name and as its config section
 * @param minMacos the oldest macOS the profile applies to
 * @param maxMacos the newest macOS it applies to, when it stops applying
 * @param deprecatedFrom the macOS from which Apple deprecates what the profile grants
 * @param legacy true for profiles kept for old fleets only
 * @param inDefaultBundle false for profiles built only on request (the combined profile)
 * @param gathers true for a profile that holds the payloads of every other modern profile of the
 *     default bundle, merged by payload type, instead of payloads of its own
 * @param description the profile's description, which may follow from the settings
 * @param payloads what the profile holds, in order
 */
public record CatalogEntry(
    String name,
    String purpose,
    MacosVersion minMacos,
    Optional<MacosVersion> maxMacos,
    Optional<MacosVersion> deprecatedFrom,
    boolean legacy,
    boolean inDefaultBundle,
    boolean gathers,
    String displayName,
    Function<GenerateSettings, String> description,
    List<PayloadDefinition> payloads) {

  public CatalogEntry {
    Required.all("name purpose minMacos maxMacos deprecatedFrom displayName description", name, purpose, minMacos,
        maxMacos, deprecatedFrom, displayName, description);
    payloads = List.copyOf(payloads);
    if (gathers != payloads.isEmpty()) {
      throw new IllegalArgumentException(name + ": a profile either gathers or holds payloads of its own");
    }
  }

  /** True when a fleet whose oldest Mac runs {@code oldest} has Macs this profile applies to. */
  public boolean appliesTo(MacosVersion oldest) {
    return maxMacos.map(max -> !max.isBefore(oldest)).orElse(true);
  }

  /** "10.13-10.15" or "11.0+". */
  public String macosRange() {
    return minMacos + maxMacos.map(max -> "-" + max).orElse("+");
  }

  /** The purpose, with the legacy and deprecation notes a reader needs. */
  public String purposeWithNotes() {
    return purpose + deprecatedFrom.map(d -> "; Apple deprecates this grant from macOS " + d).orElse("");
  }

  /** The profile, its UUIDs assigned. */
  public Profile build(GenerateSettings settings) {
    return Catalog.build(this, settings);
  }
}
