package org.mdeprofiles.pack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.Payload;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * The profiles as Jamf Pro takes them: preference payloads and TCC services an unsigned upload
 * drops out of any profile that gathers them (they go in as custom settings, or signed on their
 * own), and every other privacy-only profile merged into one with one TCC payload, since Jamf
 * mishandles several TCC payloads (see {@link JamfStorage} for the sources).
 */
final class JamfForm {
  static final String MERGED = "privacy";

  private JamfForm() {}

  static List<Profile> of(GenerateSettings settings, List<Profile> profiles) {
    List<Profile> split = Catalog.split(settings, profiles, p -> !Catalog.isApple(p.type()) || dropsUnsigned(p));
    List<Profile> privacy = split.stream().filter(JamfForm::privacyOnly).toList();
    if (privacy.size() < 2) {
      return split;
    }
    Set<String> services = new LinkedHashSet<>();
    privacy.forEach(p -> p.payloads().forEach(
        q -> services.addAll(((PlistDict) q.content().get("Services")).entries().keySet())));
    Profile merged = Catalog.gather(settings, MERGED, "Microsoft Defender - Privacy Preferences",
        "Every privacy grant Defender needs (" + String.join(", ", services) + ") in one payload, as Jamf Pro"
            + " needs them.", privacy);
    List<Profile> out = new ArrayList<>();
    for (Profile p : split) {
      if (p == privacy.get(0)) {
        out.add(merged);
      } else if (privacy.stream().noneMatch(q -> q == p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean privacyOnly(Profile profile) {
    return !profile.payloads().isEmpty() && profile.payloads().stream()
        .allMatch(p -> p.type().equals(JamfTarget.TCC) && p.content().get("Services") instanceof PlistDict
            && !dropsUnsigned(p));
  }

  /** A TCC payload granting a service that an unsigned upload loses. */
  private static boolean dropsUnsigned(Payload payload) {
    return payload.type().equals(JamfTarget.TCC) && payload.content().get("Services") instanceof PlistDict services
        && services.entries().keySet().stream().anyMatch(JamfStorage.UNSIGNED_DROPS_TCC::contains);
  }
}
