package org.mdeprofiles.catalog;

import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.PreferenceDomain;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.plist.PlistValue;

/** Managed preferences: Defender's settings and Microsoft AutoUpdate's. */
final class PreferenceProfiles {
  static final String SETTINGS = "settings";
  static final String AUTOUPDATE = "autoupdate";

  private PreferenceProfiles() {}

  static PreferenceDomain settingsPayload(GenerateSettings settings, String profileName) {
    return new PreferenceDomain(
        Envelope.header(settings, profileName, Defender.APP, "defender-preferences",
            "Microsoft Defender settings", "Managed preferences of domain com.microsoft.wdav."),
        settings.defenderSettings());
  }

  static PreferenceDomain autoUpdatePayload(GenerateSettings settings, String profileName) {
    PlistValue.PlistDict prefs = PlistValue.PlistDict.of(
        "ChannelName", new PlistValue.PlistString(settings.autoUpdate().channel()),
        "HowToCheck", new PlistValue.PlistString(settings.autoUpdate().howToCheck()));
    return new PreferenceDomain(
        Envelope.header(settings, profileName, Defender.AUTOUPDATE, "autoupdate-preferences",
            "Microsoft AutoUpdate settings", "Managed preferences of domain com.microsoft.autoupdate2."),
        prefs);
  }

  static Profile settings(GenerateSettings settings) {
    return Envelope.wrap(settings, SETTINGS, "Microsoft Defender - Settings",
        "Defender's managed preferences (domain com.microsoft.wdav).",
        List.of(settingsPayload(settings, SETTINGS)));
  }

  static Profile autoUpdate(GenerateSettings settings) {
    return Envelope.wrap(settings, AUTOUPDATE, "Microsoft AutoUpdate",
        "Microsoft AutoUpdate's channel (" + settings.autoUpdate().channel() + ") and update checks ("
            + settings.autoUpdate().howToCheck() + ").",
        List.of(autoUpdatePayload(settings, AUTOUPDATE)));
  }
}
