package org.mdeprofiles.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The config sections with options of their own: kext, sysext, notifications, autoupdate. */
final class ConfigSections {
  /** The options a profile's section takes besides its texts, by profile name. */
  static final Map<String, Set<String>> OPTIONS = Map.of(
      "kext", Set.of("approval", "teamIdentifiers", "kernelExtensions"),
      "sysext", Set.of("nonRemovable"),
      "notifications", Set.of("alertType", "badges", "sounds", "notificationCenter", "lockScreen", "criticalAlerts"),
      "autoupdate", Set.of("channel", "howToCheck"));

  private ConfigSections() {}

  static void kext(ConfigTree kext, SettingsBuilder settings) {
    kext.string("approval").ifPresent(v -> settings.kextApproval(kext.where("approval"), v));
    List<String> teams = kext.strings("teamIdentifiers");
    for (int i = 0; i < teams.size(); i++) {
      settings.addTeamId(kext.where("teamIdentifiers") + "[" + i + "]", teams.get(i));
    }
    Optional<ConfigTree> bundles = kext.section("kernelExtensions");
    if (bundles.isPresent()) {
      for (Map.Entry<String, Object> e : bundles.get().entries().entrySet()) {
        String where = bundles.get().where(e.getKey());
        List<String> ids = ConfigTree.strings(e.getValue(), where);
        for (int i = 0; i < ids.size(); i++) {
          settings.addKernelExtension(where, e.getKey(), where + "[" + i + "]", ids.get(i));
        }
      }
    }
  }

  static void sysext(ConfigTree sysext, SettingsBuilder settings) {
    sysext.bool("nonRemovable").ifPresent(settings::sysextNonRemovable);
  }

  static void notifications(ConfigTree n, SettingsBuilder settings) {
    NotificationOptions d = NotificationOptions.DEFAULT;
    Object alert = n.raw("alertType");
    int alertType = d.alertType();
    if (alert != null) {
      if (!(alert instanceof Integer i) || i < 0 || i > 2) {
        throw new IllegalArgumentException(n.where("alertType") + ": must be 0 (none), 1 (banners) or 2 (alerts)");
      }
      alertType = i;
    }
    settings.notifications(new NotificationOptions(
        alertType,
        n.bool("badges").orElse(d.badges()),
        n.bool("sounds").orElse(d.sounds()),
        n.bool("notificationCenter").orElse(d.notificationCenter()),
        n.bool("lockScreen").orElse(d.lockScreen()),
        n.bool("criticalAlerts").orElse(d.criticalAlerts())));
  }

  static void autoUpdate(ConfigTree a, SettingsBuilder settings) {
    settings.autoUpdate("autoupdate",
        a.string("channel").orElse(settings.autoUpdate().channel()),
        a.string("howToCheck").orElse(settings.autoUpdate().howToCheck()));
  }

  static JamfOptions jamf(ConfigTree jamf) {
    JamfOptions d = JamfOptions.DEFAULT;
    return new JamfOptions(
        jamf.string("category"),
        jamf.string("distributionMethod").orElse(d.distributionMethod()),
        jamf.string("redeployOnUpdate").orElse(d.redeployOnUpdate()),
        jamf.strings("computerGroups")).check(jamf::where);
  }

  static IntuneOptions intune(ConfigTree intune) {
    return new IntuneOptions(intune.string("deploymentChannel").orElse(IntuneOptions.DEFAULT.deploymentChannel()))
        .check(intune.where("deploymentChannel"));
  }
}
