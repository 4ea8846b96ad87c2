package org.mdeprofiles.config;

import java.util.List;
import java.util.Objects;

/**
 * Microsoft AutoUpdate's channel and how it checks for updates. The default channel is Current:
 * Microsoft's AutoUpdate documentation lists Production as deprecated (still taken, warned).
 */
public record AutoUpdateOptions(String channel, String howToCheck) {
  public static final List<String> CHANNELS = List.of("Production", "Preview", "Beta", "Current", "CurrentThrottle");
  public static final List<String> CHECK_MODES = List.of("AutomaticDownload", "AutomaticCheck", "Manual");
  public static final AutoUpdateOptions DEFAULT = new AutoUpdateOptions("Current", "AutomaticDownload");

  public AutoUpdateOptions {
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(howToCheck, "howToCheck == null");
  }
}
