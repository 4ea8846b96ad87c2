package org.mdeprofiles.deploy;

import java.util.List;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * The identifier prefix of a bundle (its config's prefix), which decides what {@code --prune} may
 * delete: a profile on the server whose payloads are all under it, and nothing else.
 */
final class BundlePrefix {
  private BundlePrefix() {}

  /** The prefix all the bundle's top-level identifiers share, by labels (the identifier's parent for one). */
  static String of(List<String> identifiers) {
    if (identifiers.isEmpty()) {
      return "";
    }
    String[] common = identifiers.get(0).split("\\.");
    int n = identifiers.size() == 1 ? common.length - 1 : common.length;
    for (String id : identifiers) {
      String[] labels = id.split("\\.");
      int i = 0;
      while (i < n && i < labels.length && labels[i].equals(common[i])) {
        i++;
      }
      n = i;
    }
    return String.join(".", java.util.Arrays.copyOf(common, Math.max(n, 0)));
  }

  /** True when every payload of {@code profile} is under {@code prefix}; false for no payloads or no prefix. */
  static boolean owns(String prefix, PlistDict profile) {
    if (prefix.isEmpty() || !(profile.get("PayloadContent") instanceof PlistArray payloads)
        || payloads.items().isEmpty()) {
      return false;
    }
    for (PlistValue p : payloads.items()) {
      String id = p instanceof PlistDict d ? d.string("PayloadIdentifier") : null;
      if (id == null || !id.startsWith(prefix + ".")) {
        return false;
      }
    }
    return true;
  }
}
