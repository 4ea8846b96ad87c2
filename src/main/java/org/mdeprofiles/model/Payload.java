package org.mdeprofiles.model;

/** One payload dictionary of a profile; each kind renders with its own template. */
public sealed interface Payload
    permits KernelExtensionPolicy,
        SystemExtensionPolicy,
        PrivacyPreferencesPolicy,
        ContentFilter,
        NotificationSettings,
        ServiceManagement,
        PreferenceDomain {
  PayloadHeader header();

  /** The template under {@code payloads/} that renders this payload, without extension. */
  String template();

  /** The same payload with another UUID in its header. */
  Payload withUuid(String uuid);
}
