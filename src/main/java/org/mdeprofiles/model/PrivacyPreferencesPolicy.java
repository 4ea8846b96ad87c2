package org.mdeprofiles.model;

import java.util.List;
import java.util.Objects;

/** A {@code com.apple.TCC.configuration-profile-policy} (Privacy Preferences Policy Control) payload. */
public record PrivacyPreferencesPolicy(PayloadHeader header, List<TccService> services) implements Payload {
  public static final String TYPE = "com.apple.TCC.configuration-profile-policy";

  public PrivacyPreferencesPolicy {
    Objects.requireNonNull(header, "header == null");
    services = List.copyOf(services);
  }

  @Override
  public String template() {
    return "privacy-preferences-policy";
  }

  @Override
  public PrivacyPreferencesPolicy withUuid(String uuid) {
    return new PrivacyPreferencesPolicy(header.withUuid(uuid), services);
  }
}
