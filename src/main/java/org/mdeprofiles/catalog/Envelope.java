package org.mdeprofiles.catalog;

import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.ProfileText;
import org.mdeprofiles.model.Payload;
import org.mdeprofiles.model.PayloadHeader;
import org.mdeprofiles.model.Profile;

/** Builds what every catalog profile shares: identifiers, texts, scope, and UUIDs. */
final class Envelope {
  private Envelope() {}

  /** The identifier of catalog profile {@code name}: the prefix, a dot, the name. */
  static String identifier(GenerateSettings settings, String name) {
    return settings.prefix() + "." + name;
  }

  /** A payload header whose identifier extends the profile's by {@code suffix}. */
  static PayloadHeader header(
      GenerateSettings settings, String profileName, String type, String suffix, String displayName,
      String description) {
    return new PayloadHeader(
        type, identifier(settings, profileName) + "." + suffix, "", displayName, description,
        settings.organization());
  }

  /** The system-scoped profile {@code name} holding {@code payloads}, with its UUIDs assigned. */
  static Profile wrap(
      GenerateSettings settings, String name, String displayName, String description, List<Payload> payloads) {
    ProfileText text = settings.textFor(name);
    return Uuids.assign(
        new Profile(
            name,
            identifier(settings, name),
            "",
            text.displayName().orElse(displayName),
            text.description().orElse(description),
            settings.organization(),
            "System",
            settings.removalDisallowed(),
            payloads));
  }
}
