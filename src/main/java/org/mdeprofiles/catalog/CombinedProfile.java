package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.Payload;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.model.TccService;

/** Every modern payload in one profile, the privacy grants merged into one TCC payload. */
final class CombinedProfile {
  static final String NAME = "combined";

  private CombinedProfile() {}

  static Profile build(GenerateSettings settings) {
    return build(settings, true, true);
  }

  /**
   * The combined profile, optionally without the preference payloads (Intune recognises Defender's
   * settings only in a profile named after their domain; Jamf keeps them only as custom settings)
   * and without the Bluetooth grant (Jamf keeps it only in a signed profile).
   */
  static Profile build(GenerateSettings settings, boolean preferences, boolean bluetooth) {
    List<TccService> services = new ArrayList<>(List.of(
        PrivacyProfiles.FULL_DISK_SERVICE, PrivacyProfiles.ACCESSIBILITY_SERVICE));
    if (bluetooth) {
      services.add(PrivacyProfiles.BLUETOOTH_SERVICE);
    }
    List<Payload> payloads = new ArrayList<>(List.of(
        SystemExtensionsProfile.payload(settings, NAME),
        PrivacyProfiles.payload(settings, NAME, services),
        ContentFilterProfile.payload(settings, NAME),
        NotificationsProfile.payload(settings, NAME),
        BackgroundProfile.payload(settings, NAME)));
    if (preferences) {
      payloads.add(PreferenceProfiles.settingsPayload(settings, NAME));
      payloads.add(PreferenceProfiles.autoUpdatePayload(settings, NAME));
    }
    return Envelope.wrap(settings, NAME, "Microsoft Defender - All Settings",
        "Everything Defender needs on macOS 11 and later in one profile: system extensions, privacy"
            + " grants, content filter, notifications, background services"
            + (preferences ? " and preferences." : "; its preferences ship as their own profiles."),
        payloads);
  }
}
