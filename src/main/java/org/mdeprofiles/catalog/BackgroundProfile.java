package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.model.ServiceManagement;
import org.mdeprofiles.model.ServiceRule;

/** Keeps Defender's background services allowed and out of the user's reach (macOS 13 and later). */
final class BackgroundProfile {
  static final String NAME = "background";

  private BackgroundProfile() {}

  static ServiceManagement payload(GenerateSettings settings, String profileName) {
    List<ServiceRule> rules = new ArrayList<>();
    for (String prefix : Defender.SERVICE_LABEL_PREFIXES) {
      rules.add(new ServiceRule("LabelPrefix", prefix));
    }
    return new ServiceManagement(
        Envelope.header(settings, profileName, ServiceManagement.TYPE, "service-management",
            "Background Services", "Manages Defender's launch daemons and agents as background items."),
        rules);
  }

  static Profile build(GenerateSettings settings) {
    return Envelope.wrap(settings, NAME, "Microsoft Defender - Background Services",
        "Manages Defender's background services (launchd labels com.microsoft.fresno, com.microsoft.dlp,"
            + " com.microsoft.wdav) so users cannot turn them off.",
        List.of(payload(settings, NAME)));
  }
}
