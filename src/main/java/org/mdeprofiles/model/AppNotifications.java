package org.mdeprofiles.model;

import java.util.Objects;

/** Notification settings for one app. */
public record AppNotifications(
    String bundleId,
    boolean notificationsEnabled,
    int alertType,
    boolean badgesEnabled,
    boolean soundsEnabled,
    boolean showInNotificationCenter,
    boolean showInLockScreen,
    boolean criticalAlertEnabled) {
  public AppNotifications {
    Objects.requireNonNull(bundleId, "bundleId == null");
    if (alertType < 0 || alertType > 2) {
      throw new IllegalArgumentException("alertType must be 0, 1 or 2");
    }
  }
}
