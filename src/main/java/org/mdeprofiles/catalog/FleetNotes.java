package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * What the chosen profiles mean on the newest macOS of the fleet, beyond what each key's spec
 * says: a finding per profile and cause, which goes away once the admin has acted on it.
 */
public final class FleetNotes {
  /**
   * From macOS 27.0 the user is told of each app a profile grants Accessibility and may change the
   * grant in System Settings (Apple's schema, macOS 27 release text); Microsoft's answer is the
   * dlp.accessibility settings, which say what DLP does when the permission is off (mdatp-xplat,
   * 2026-08: "macOS 27 EDLP accessibility settings").
   */
  public static final MacosVersion ACCESSIBILITY_USER_CONTROL = MacosVersion.parse("27.0");

  private FleetNotes() {}

  /** A note on one catalog profile. */
  public record Note(String profile, Finding finding) {}

  /** The notes for building {@code entries} with {@code settings} for a fleet whose newest macOS is {@code newest}. */
  public static List<Note> of(GenerateSettings settings, List<CatalogEntry> entries, MacosVersion newest) {
    List<Note> notes = new ArrayList<>();
    if (newest.isBefore(ACCESSIBILITY_USER_CONTROL) || setsDlpAccessibility(settings)) {
      return notes;
    }
    for (CatalogEntry e : entries) {
      if (Catalog.grants(e, settings, "Accessibility")) {
        notes.add(new Note(e.name(), Finding.warning(PlistPath.root(), "fleet.accessibility-user-control",
            ACCESSIBILITY_USER_CONTROL, newest)));
      }
    }
    return notes;
  }

  private static boolean setsDlpAccessibility(GenerateSettings settings) {
    return settings.defenderSettings().get("dlp") instanceof PlistDict dlp && dlp.get("accessibility") != null;
  }
}
