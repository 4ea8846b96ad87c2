package org.mdeprofiles.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Classic API fields of a Jamf Pro configuration profile. Jamf silently coerces values it does
 * not know, so {@link #check} refuses them first.
 */
public record JamfOptions(
    Optional<String> category, String distributionMethod, String redeployOnUpdate, List<String> computerGroups) {
  public static final List<String> DISTRIBUTION_METHODS =
      List.of("Install Automatically", "Make Available in Self Service");
  public static final List<String> REDEPLOY = List.of("Newly Assigned", "All");
  public static final JamfOptions DEFAULT =
      new JamfOptions(Optional.empty(), "Install Automatically", "Newly Assigned", List.of());

  public JamfOptions {
    Objects.requireNonNull(category, "category == null");
    Objects.requireNonNull(distributionMethod, "distributionMethod == null");
    Objects.requireNonNull(redeployOnUpdate, "redeployOnUpdate == null");
    computerGroups = List.copyOf(computerGroups);
  }

  /**
   * Checks every value; a message starts with the field's name as {@code where} gives it (a flag or
   * a config key) and names the allowed values.
   */
  public JamfOptions check(java.util.function.UnaryOperator<String> where) {
    if (!DISTRIBUTION_METHODS.contains(distributionMethod)) {
      throw new IllegalArgumentException(where.apply("distributionMethod") + ": '" + distributionMethod
          + "' is not one of: " + String.join(", ", DISTRIBUTION_METHODS));
    }
    if (!REDEPLOY.contains(redeployOnUpdate)) {
      throw new IllegalArgumentException(where.apply("redeployOnUpdate") + ": '" + redeployOnUpdate
          + "' is not one of: " + String.join(", ", REDEPLOY));
    }
    category.ifPresent(c -> requireName(where.apply("category"), c));
    for (String group : computerGroups) {
      requireName(where.apply("computerGroups"), group);
    }
    return this;
  }

  private static void requireName(String where, String value) {
    Values.nonBlank(where, value);
    if (value.length() > 255) {
      throw new IllegalArgumentException(where + ": longer than Jamf's 255 characters");
    }
  }
}
