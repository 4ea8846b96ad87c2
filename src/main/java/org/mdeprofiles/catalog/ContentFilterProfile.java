package org.mdeprofiles.catalog;

import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.ContentFilter;
import org.mdeprofiles.model.Profile;

/** Defender's network content filter, provided by its network system extension. */
final class ContentFilterProfile {
  static final String NAME = "netfilter";

  private ContentFilterProfile() {}

  static ContentFilter payload(GenerateSettings settings, String profileName) {
    return new ContentFilter(
        Envelope.header(settings, profileName, ContentFilter.TYPE, "content-filter",
            "Web Content Filter", "Turns on Defender's network protection content filter."),
        "Microsoft Defender Content Filter",
        Defender.APP,
        true,
        false,
        "inspector",
        Defender.NETEXT,
        Defender.designatedRequirement(Defender.NETEXT));
  }

  static Profile build(GenerateSettings settings) {
    return Envelope.wrap(settings, NAME, "Microsoft Defender - Network Filter",
        "Turns on Defender's socket content filter (com.microsoft.wdav.netext) for network protection."
            + " A Mac runs one such filter profile.",
        List.of(payload(settings, NAME)));
  }
}
