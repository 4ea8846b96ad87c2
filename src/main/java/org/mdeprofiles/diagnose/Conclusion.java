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
    Optional<String> manual) {
  static final int MAX_SEEN = 10;

  public Conclusion {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(title, "title == null");
    // The evidence to show: distinct lines, the first ten (a repeated line is shown once).
    seen = seen.stream().distinct().limit(MAX_SEEN).toList();
    Objects.requireNonNull(meaning, "meaning == null");
    profiles = List.copyOf(profiles);
    Objects.requireNonNull(manual, "manual == null");
  }

  /** The command that generates the fixing profiles, when profiles fix it. */
  public Optional<String> command() {
    return profiles.isEmpty()
        ? Optional.empty()
        : Optional.of("mde-profiles generate --profiles " + String.join(",", profiles));
  }
}
