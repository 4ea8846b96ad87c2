package org.mdeprofiles.catalog;

import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.model.SystemExtensionPolicy;
import org.mdeprofiles.model.TeamBundleIds;

/** Approves Defender's endpoint-security and network system extensions (macOS 10.15 and later). */
final class SystemExtensionsProfile {
  static final String NAME = "sysext";

  private SystemExtensionsProfile() {}

  static SystemExtensionPolicy payload(GenerateSettings settings, String profileName) {
    List<TeamBundleIds> extensions = List.of(new TeamBundleIds(Defender.TEAM_ID, Defender.SYSTEM_EXTENSIONS));
    return new SystemExtensionPolicy(
        Envelope.header(settings, profileName, SystemExtensionPolicy.TYPE, "system-extension-policy",
            "System Extensions", "Lets Defender's system extensions load without asking the user."),
        true,
        extensions,
        settings.sysextNonRemovable() ? extensions : List.of());
  }

  static Profile build(GenerateSettings settings) {
    return Envelope.wrap(settings, NAME, "Microsoft Defender - System Extensions",
        "Approves Defender's endpoint-security (com.microsoft.wdav.epsext) and network"
            + " (com.microsoft.wdav.netext) system extensions.",
        List.of(payload(settings, NAME)));
  }
}
