package org.mdeprofiles.config;

/** How Defender's and AutoUpdate's notifications show (alert type 0 none, 1 banner, 2 alert). */
public record NotificationOptions(
    int alertType,
    boolean badges,
    boolean sounds,
    boolean notificationCenter,
    boolean lockScreen,
    boolean criticalAlerts) {
  public static final NotificationOptions DEFAULT = new NotificationOptions(1, true, true, true, false, false);

  public NotificationOptions {
    if (alertType < 0 || alertType > 2) {
      throw new IllegalArgumentException("alertType must be 0 (none), 1 (banners) or 2 (alerts)");
    }
  }
}
