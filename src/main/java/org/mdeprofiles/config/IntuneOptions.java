package org.mdeprofiles.config;

import java.util.List;
import java.util.Objects;

/** How Intune deploys the custom profiles: on the device channel (default) or the user channel. */
public record IntuneOptions(String deploymentChannel) {
  public static final List<String> CHANNELS = List.of("deviceChannel", "userChannel");
  public static final IntuneOptions DEFAULT = new IntuneOptions("deviceChannel");

  public IntuneOptions {
    Objects.requireNonNull(deploymentChannel, "deploymentChannel == null");
  }

  public IntuneOptions check(String where) {
    if (!CHANNELS.contains(deploymentChannel)) {
      throw new IllegalArgumentException(where + ": '" + deploymentChannel + "' is not one of: "
          + String.join(", ", CHANNELS));
    }
    return this;
  }
}
