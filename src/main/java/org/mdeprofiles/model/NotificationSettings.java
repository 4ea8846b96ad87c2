package org.mdeprofiles.model;

import java.util.List;
import java.util.Objects;

/** A {@code com.apple.notificationsettings} payload. */
public record NotificationSettings(PayloadHeader header, List<AppNotifications> apps) implements Payload {
  public static final String TYPE = "com.apple.notificationsettings";

  public NotificationSettings {
    Objects.requireNonNull(header, "header == null");
    apps = List.copyOf(apps);
  }

  @Override
  public String template() {
    return "notification-settings";
  }

  @Override
  public NotificationSettings withUuid(String uuid) {
    return new NotificationSettings(header.withUuid(uuid), apps);
  }
}
