package org.mdeprofiles.catalog;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.model.Profile;

/**
 * One profile the catalog can build.
 *
 * @param name short name, used for --profiles and as the file's base name
 * @param minMacos the oldest macOS the profile applies to
 * @param maxMacos the newest macOS it applies to, when it stops applying
 * @param deprecatedFrom the macOS from which Apple deprecates what the profile grants
 * @param legacy true for profiles kept for old fleets only
 * @param inDefaultBundle false for profiles built only on request (the combined profile)
 */
public record CatalogEntry(
    String name,
    String purpose,
    MacosVersion minMacos,
    Optional<MacosVersion> maxMacos,
    Optional<MacosVersion> deprecatedFrom,
    boolean legacy,
    boolean inDefaultBundle,
    Function<GenerateSettings, Profile> builder) {

  public CatalogEntry {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(purpose, "purpose == null");
    Objects.requireNonNull(minMacos, "minMacos == null");
    Objects.requireNonNull(maxMacos, "maxMacos == null");
    Objects.requireNonNull(deprecatedFrom, "deprecatedFrom == null");
    Objects.requireNonNull(builder, "builder == null");
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
  public String description() {
    return purpose + deprecatedFrom.map(d -> "; Apple deprecates this grant from macOS " + d).orElse("");
  }

  public Profile build(GenerateSettings settings) {
    return builder.apply(settings);
  }
}
