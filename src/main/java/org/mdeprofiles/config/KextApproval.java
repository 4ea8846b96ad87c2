package org.mdeprofiles.config;

import java.util.Locale;

/** Which keys approve the kernel extension: Team IDs, bundle IDs, or both. */
public enum KextApproval {
  TEAM,
  BUNDLE,
  BOTH;

  /** Parses "team", "bundle" or "both". */
  public static KextApproval parse(String text) {
    for (KextApproval a : values()) {
      if (a.label().equals(text)) {
        return a;
      }
    }
    throw new IllegalArgumentException("kext approval must be team, bundle or both, not '" + text + "'");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean approvesTeams() {
    return this != BUNDLE;
  }

  public boolean approvesBundles() {
    return this != TEAM;
  }
}
