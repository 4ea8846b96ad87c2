package org.mdeprofiles.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom {@code deploy} logs in: the server URL and the account's ID from a config
 * section ({@code jamf:} url, clientId, user; {@code intune:} tenant, clientId). Never a secret:
 * those come from the environment or a file named on the command line.
 */
public record ServerOptions(Optional<String> url, Optional<String> clientId, Optional<String> user,
    Optional<String> tenant) {
  public static final ServerOptions NONE =
      new ServerOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public ServerOptions {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(tenant, "tenant == null");
  }

  static ServerOptions of(ConfigTree section) {
    return new ServerOptions(section.string("url"), section.string("clientId"), section.string("user"),
        section.string("tenant"));
  }
}
