package org.mdeprofiles.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistString;

/**
 * Whether what Jamf serves is the profile the bundle meant, ignoring what Jamf rewrites by design:
 * the top-level identity it minted on create, the descriptive Payload metadata (display name,
 * description, organisation: Jamf sets the top-level name from the profile's and re-encodes these
 * texts), key order, and the line feeds, tabs and surrounding spaces Jamf deletes from strings
 * (jamf-cli's Classic payload escaping note, clause 4).
 */
final class ServedProfile {
  private static final Set<String> TOP_IDENTITY = Set.of("PayloadUUID", "PayloadIdentifier");
  private static final Set<String> METADATA = Set.of("PayloadDisplayName", "PayloadDescription", "PayloadOrganization");

  private ServedProfile() {}

  /**
   * The first place where {@code served} differs from {@code intended}, if any: a setting before
   * a payload's UUID (which changes with its content), so that the place named is the one that
   * matters.
   */
  static Optional<PlistPath> difference(PlistDict intended, PlistDict served) {
    Optional<PlistPath> setting = dict(intended, served, PlistPath.root(), true, true);
    return setting.isPresent() ? setting : dict(intended, served, PlistPath.root(), true, false);
  }

  private static Optional<PlistPath> dict(PlistDict a, PlistDict b, PlistPath at, boolean top, boolean skipUuids) {
    for (String key : union(a, b)) {
      if (METADATA.contains(key) || (top && TOP_IDENTITY.contains(key)) || (skipUuids && key.equals("PayloadUUID"))) {
        continue;
      }
      PlistValue x = a.get(key);
      PlistValue y = b.get(key);
      if (x == null || y == null) {
        return Optional.of(at.key(key));
      }
      Optional<PlistPath> d = value(x, y, at.key(key), skipUuids);
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static Optional<PlistPath> value(PlistValue x, PlistValue y, PlistPath at, boolean skipUuids) {
    if (x instanceof PlistDict a && y instanceof PlistDict b) {
      return dict(a, b, at, false, skipUuids);
    }
    if (x instanceof PlistArray a && y instanceof PlistArray b) {
      if (a.items().size() != b.items().size()) {
        return Optional.of(at);
      }
      for (int i = 0; i < a.items().size(); i++) {
        Optional<PlistPath> d = value(a.items().get(i), b.items().get(i), at.index(i), skipUuids);
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (x instanceof PlistString a && y instanceof PlistString b) {
      return normal(a.value()).equals(normal(b.value())) ? Optional.empty() : Optional.of(at);
    }
    return x.equals(y) ? Optional.empty() : Optional.of(at);
  }

  private static String normal(String s) {
    return s.replace("\n", "").replace("\t", "").strip();
  }

  private static List<String> union(PlistDict a, PlistDict b) {
    java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>(a.entries().keySet());
    keys.addAll(b.entries().keySet());
    return List.copyOf(keys);
  }

  /** The top-level identity of a served profile, to put back into the next update. */
  static Optional<Map.Entry<String, String>> identity(PlistDict served) {
    String uuid = served.string("PayloadUUID");
    String identifier = served.string("PayloadIdentifier");
    return uuid == null || identifier == null ? Optional.empty() : Optional.of(Map.entry(uuid, identifier));
  }
}
