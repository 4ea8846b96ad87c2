package org.mdeprofiles.deploy;

/**
 * How to log in to Jamf Pro: an API client (client ID and secret, OAuth client credentials) or a
 * user and password, exchanged for a bearer token. The secret never leaves this record but in
 * the one token request; {@link #toString()} does not show it.
 */
public record JamfCredentials(boolean apiClient, String id, char[] secret) {
  public static JamfCredentials apiClient(String clientId, char[] secret) {
    return new JamfCredentials(true, clientId, secret);
  }

  public static JamfCredentials user(String user, char[] password) {
    return new JamfCredentials(false, user, password);
  }

  @Override
  public String toString() {
    return (apiClient ? "API client " : "user ") + id;
  }
}
