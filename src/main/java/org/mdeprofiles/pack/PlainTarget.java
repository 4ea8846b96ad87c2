package org.mdeprofiles.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The MDM-neutral target: each profile as an unsigned {@code .mobileconfig} under {@code plain/}. */
public final class PlainTarget {
  public static final String NAME = "plain";

  private PlainTarget() {}

  public static List<BundleFile> files(List<RenderedProfile> profiles) {
    List<BundleFile> files = new ArrayList<>();
    for (RenderedProfile p : profiles) {
      files.add(
          new BundleFile(
              NAME + "/" + p.fileName(),
              p.bytes(),
              NAME,
              "install with any MDM that accepts a custom configuration profile",
              Optional.of(p.profile())));
    }
    return files;
  }
}
