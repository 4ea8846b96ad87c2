package org.mdeprofiles.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The config sections with options of their own: kext and notifications. */
final class ConfigSections {
  private ConfigSections() {}

  static void kext(Map<String, Object> kext, SettingsBuilder settings) {
    ConfigTree.string(kext, "approval").ifPresent(v -> settings.kextApproval("kext.approval", v));
    List<String> teams = ConfigTree.strings(kext.get("teamIdentifiers"), "kext.teamIdentifiers");
    for (int i = 0; i < teams.size(); i++) {
      settings.addTeamId("kext.teamIdentifiers[" + i + "]", teams.get(i));
    }
    Optional<Map<String, Object>> bundles = ConfigTree.section(kext, "kernelExtensions");
    if (bundles.isPresent()) {
      for (Map.Entry<String, Object> e : bundles.get().entrySet()) {
        String where = "kext.kernelExtensions." + e.getKey();
        List<String> ids = ConfigTree.strings(e.getValue(), where);
        for (int i = 0; i < ids.size(); i++) {
          settings.addKernelExtension(where, e.getKey(), where + "[" + i + "]", ids.get(i));
        }
      }
    }
  }

  static void notifications(Map<String, Object> n, SettingsBuilder settings) {
    NotificationOptions d = NotificationOptions.DEFAULT;
    Object alert = n.get("alertType");
    int alertType = d.alertType();
    if (alert != null) {
      if (!(alert instanceof Integer i) || i < 0 || i > 2) {
        throw new IllegalArgumentException("notifications.alertType: must be 0 (none), 1 (banners) or 2 (alerts)");
      }
      alertType = i;
    }
    settings.notifications(new NotificationOptions(
        alertType,
        ConfigTree.bool(n, "badges").orElse(d.badges()),
        ConfigTree.bool(n, "sounds").orElse(d.sounds()),
        ConfigTree.bool(n, "notificationCenter").orElse(d.notificationCenter()),
        ConfigTree.bool(n, "lockScreen").orElse(d.lockScreen()),
        ConfigTree.bool(n, "criticalAlerts").orElse(d.criticalAlerts())));
  }
}
