package org.mdeprofiles.catalog;

import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.Profile;

/** Every modern payload in one profile, the privacy grants merged into one TCC payload. */
final class CombinedProfile {
  static final String NAME = "combined";

  private CombinedProfile() {}

  static Profile build(GenerateSettings settings) {
    return Envelope.wrap(settings, NAME, "Microsoft Defender - All Settings",
        "Everything Defender needs on macOS 11 and later in one profile: system extensions, privacy"
            + " grants, content filter, notifications, background services and preferences.",
        List.of(
            SystemExtensionsProfile.payload(settings, NAME),
            PrivacyProfiles.payload(settings, NAME, List.of(
                PrivacyProfiles.FULL_DISK_SERVICE, PrivacyProfiles.ACCESSIBILITY_SERVICE,
                PrivacyProfiles.BLUETOOTH_SERVICE)),
            ContentFilterProfile.payload(settings, NAME),
            NotificationsProfile.payload(settings, NAME),
            BackgroundProfile.payload(settings, NAME),
            PreferenceProfiles.settingsPayload(settings, NAME),
            PreferenceProfiles.autoUpdatePayload(settings, NAME)));
  }
}
