package org.mdeprofiles.diagnose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing diagnose concluded: what is wrong, what it saw, what it means, and the fix, as a
 * profile with the command that makes it and, where there is one, the manual step.
 *
 * @param problem false for notes that need no fix
 * @param profiles the catalog profiles that fix it (empty when no profile does)
 */
public record Conclusion(
    String code,
    boolean problem,
    String title,
    List<Evidence> seen,
    String meaning,
    List<String> profiles,
    Optional<String> manual,
    Optional<String> config) {
  static final int MAX_SEEN = 10;

  public Conclusion {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(title, "title == null");
    // The evidence to show: distinct lines, the first ten (a repeated line is shown once).
    seen = seen.stream().distinct().limit(MAX_SEEN).toList();
    Objects.requireNonNull(meaning, "meaning == null");
    profiles = List.copyOf(profiles);
    Objects.requireNonNull(manual, "manual == null");
    Objects.requireNonNull(config, "config == null");
  }

  /** A conclusion whose fix command carries no config file. */
  public Conclusion(String code, boolean problem, String title, List<Evidence> seen, String meaning,
      List<String> profiles, Optional<String> manual) {
    this(code, problem, title, seen, meaning, profiles, manual, Optional.empty());
  }

  /** The same conclusion, its fix command carrying {@code config}. */
  Conclusion withConfig(Optional<String> file) {
    return new Conclusion(code, problem, title, seen, meaning, profiles, manual, file);
  }

  /** Where fix commands write: a folder of their own, so a fix never replaces the admin's bundle. */
  public static final String FIX_FOLDER = "mde-profiles-fix";

  /**
   * The command that generates the fixing profiles, when profiles fix it: into its own folder,
   * with the admin's config when diagnose was given one (same prefix, same UUIDs).
   */
  public Optional<String> command() {
    return profiles.isEmpty()
        ? Optional.empty()
        : Optional.of("mde-profiles generate --profiles " + String.join(",", profiles)
            + config.map(c -> " --config " + quoted(c)).orElse("") + " --out " + FIX_FOLDER);
  }

  private static String quoted(String path) {
    return path.matches("[A-Za-z0-9_./+-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }
}
