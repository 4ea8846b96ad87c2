package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.NotificationOptions;
import org.mdeprofiles.model.AppNotifications;
import org.mdeprofiles.model.NotificationSettings;
import org.mdeprofiles.model.Profile;

/** Lets Defender's tray app and Microsoft AutoUpdate show notifications. */
final class NotificationsProfile {
  static final String NAME = "notifications";

  private NotificationsProfile() {}

  static NotificationSettings payload(GenerateSettings settings, String profileName) {
    NotificationOptions o = settings.notifications();
    List<AppNotifications> apps = new ArrayList<>();
    for (String app : List.of(Defender.AUTOUPDATE, Defender.AUTOUPDATE_FBA, Defender.TRAY)) {
      apps.add(new AppNotifications(app, true, o.alertType(), o.badges(), o.sounds(), o.notificationCenter(),
          o.lockScreen(), o.criticalAlerts()));
    }
    return new NotificationSettings(
        Envelope.header(settings, profileName, NotificationSettings.TYPE, "notification-settings",
            "Notifications", "Lets Defender and Microsoft AutoUpdate show notifications."),
        apps);
  }

  static Profile build(GenerateSettings settings) {
    return Envelope.wrap(settings, NAME, "Microsoft Defender - Notifications",
        "Lets Defender's status app (com.microsoft.wdav.tray) and Microsoft AutoUpdate"
            + " (com.microsoft.autoupdate2, com.microsoft.autoupdate.fba) show notifications.",
        List.of(payload(settings, NAME)));
  }
}
