package org.mdeprofiles.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version, commit and commit date Maven stamped into the build. */
final class Version {
  private static final String RESOURCE = "/org/mdeprofiles/version.properties";

  private Version() {}

  /**
   * "0.1.0 (commit 0123456789ab of 2026-12-02)": the commit and its date, the same for every build
   * of one commit; "+ changes" when the working tree differed from it; "commit unknown" when the
   * build had no git history (a source archive).
   */
  static String get() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String commit = stamped(p, "commit");
    String date = stamped(p, "commitDate");
    String from = commit.isEmpty() ? "commit unknown"
        : "commit " + commit + (date.isEmpty() ? "" : " of " + date) + ("true".equals(stamped(p, "dirty"))
            ? " + changes" : "");
    return p.getProperty("version", "unknown") + " (" + from + ")";
  }

  /** A stamped property, or "" where the build had nothing to put in (the placeholder is left). */
  private static String stamped(Properties p, String key) {
    String value = p.getProperty(key, "");
    return value.startsWith("${") ? "" : value;
  }
}
