package org.mdeprofiles.catalog;

import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.ProfileText;
import org.mdeprofiles.model.NameBasedUuid;
import org.mdeprofiles.model.Payload;
import org.mdeprofiles.model.Profile;

/** Builds what every catalog profile shares: identifiers, texts, scope, and UUIDs. */
final class Envelope {
  private Envelope() {}

  /** The identifier of catalog profile {@code name}: the prefix, a dot, the name. */
  static String identifier(GenerateSettings settings, String name) {
    return settings.prefix() + "." + name;
  }

  /**
   * The system-scoped profile {@code name} holding {@code payloads}, with the config's texts for
   * it and its UUIDs: each from its identifier and its dictionary with the UUID left out, so equal
   * input gives equal UUIDs and any change a new one.
   */
  static Profile wrap(
      GenerateSettings settings, String name, String displayName, String description, List<Payload> payloads) {
    ProfileText text = settings.textFor(name);
    List<Payload> identified = payloads.stream().map(p -> p.withUuid(""))
        .map(p -> p.withUuid(NameBasedUuid.forContent(p.header().identifier(), p.dictionary()))).toList();
    Profile profile = new Profile(name, identifier(settings, name), "", text.displayName().orElse(displayName),
        text.description().orElse(description), settings.organization(), "System", settings.removalDisallowed(),
        identified);
    return profile.withUuid(NameBasedUuid.forContent(profile.identifier(), profile.dictionary()));
  }
}
