package org.mdeprofiles.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.mdeprofiles.digest.Sha1;

/** RFC 4122 version-5 (SHA-1, name-based) UUIDs in the project's own namespace. */
public final class NameBasedUuid {
  /** The project's namespace: itself the version-5 UUID of "mde-profiles" in the URL namespace. */
  static final UUID NAMESPACE = of(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "mde-profiles");

  private NameBasedUuid() {}

  /** The upper-case UUID, as Apple's tools write them, for {@code name}. */
  public static String of(String name) {
    return of(NAMESPACE, name).toString().toUpperCase(Locale.ROOT);
  }

  /** The UUID of a payload or profile: from its identifier and its dictionary (Apple's key names). */
  public static String forContent(String identifier, org.mdeprofiles.plist.PlistValue.PlistDict content) {
    return of(identifier + "\n" + CanonicalForm.of(content));
  }

  static UUID of(UUID namespace, String name) {
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    byte[] hash = new Sha1().update(ns.array()).update(name.getBytes(StandardCharsets.UTF_8)).digest();
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bb = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bb.getLong(), bb.getLong());
  }
}
