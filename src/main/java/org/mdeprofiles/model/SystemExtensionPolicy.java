package org.mdeprofiles.model;

import java.util.List;
import java.util.Objects;

/**
 * A {@code com.apple.system-extension-policy} payload; an empty {@code nonRemovable} leaves
 * {@code NonRemovableSystemExtensions} out.
 */
public record SystemExtensionPolicy(
    PayloadHeader header, boolean allowUserOverrides, List<TeamBundleIds> allowed, List<TeamBundleIds> nonRemovable)
    implements Payload {
  public static final String TYPE = "com.apple.system-extension-policy";

  public SystemExtensionPolicy {
    Objects.requireNonNull(header, "header == null");
    allowed = List.copyOf(allowed);
    nonRemovable = List.copyOf(nonRemovable);
  }

  @Override
  public String template() {
    return "system-extension-policy";
  }

  @Override
  public SystemExtensionPolicy withUuid(String uuid) {
    return new SystemExtensionPolicy(header.withUuid(uuid), allowUserOverrides, allowed, nonRemovable);
  }
}
