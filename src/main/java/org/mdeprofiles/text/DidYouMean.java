package org.mdeprofiles.text;

import java.util.Collection;
import java.util.Optional;

/** The known word a mistyped one most likely meant: at most two edits away, the nearest first. */
public final class DidYouMean {
  private DidYouMean() {}

  /** {@code "; did you mean 'x'?"}, or nothing when no candidate is close. */
  public static String hint(String word, Collection<String> candidates) {
    return nearest(word, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  public static Optional<String> nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(word, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.min(2, Math.max(1, word.length() / 3)) ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Edits (insert, delete, replace, swap of neighbours) from {@code a} to {@code b}. */
  public static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
