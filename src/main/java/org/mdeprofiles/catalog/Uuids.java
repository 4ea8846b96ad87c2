package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.model.NameBasedUuid;
import org.mdeprofiles.model.Payload;
import org.mdeprofiles.model.Profile;

/**
 * Gives a profile and its payloads their name-based UUIDs: each from its identifier and its
 * content (with the UUID itself blank), so equal input gives equal UUIDs and any change a new one.
 */
final class Uuids {
  private Uuids() {}

  static Profile assign(Profile profile) {
    List<Payload> payloads = new ArrayList<>();
    for (Payload p : profile.payloads()) {
      Payload blank = p.withUuid("");
      payloads.add(p.withUuid(NameBasedUuid.forContent(p.header().identifier(), blank)));
    }
    Profile withPayloads =
        new Profile(
            profile.name(),
            profile.identifier(),
            "",
            profile.displayName(),
            profile.description(),
            profile.organization(),
            profile.scope(),
            profile.removalDisallowed(),
            payloads);
    return withPayloads.withUuid(NameBasedUuid.forContent(profile.identifier(), withPayloads));
  }
}
