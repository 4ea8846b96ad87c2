package org.mdeprofiles.model;

import java.util.List;
import java.util.Objects;

/**
 * A {@code com.apple.syspolicy.kernel-extension-policy} payload. An empty list leaves its key out
 * of the profile.
 */
public record KernelExtensionPolicy(
    PayloadHeader header,
    boolean allowUserOverrides,
    boolean allowNonAdminUserApprovals,
    List<String> allowedTeamIdentifiers,
    List<TeamBundleIds> allowedKernelExtensions)
    implements Payload {

  public static final String TYPE = "com.apple.syspolicy.kernel-extension-policy";

  public KernelExtensionPolicy {
    Objects.requireNonNull(header, "header == null");
    allowedTeamIdentifiers = List.copyOf(allowedTeamIdentifiers);
    allowedKernelExtensions = List.copyOf(allowedKernelExtensions);
  }

  @Override
  public String template() {
    return "kernel-extension-policy";
  }

  @Override
  public KernelExtensionPolicy withUuid(String uuid) {
    return new KernelExtensionPolicy(
        header.withUuid(uuid),
        allowUserOverrides,
        allowNonAdminUserApprovals,
        allowedTeamIdentifiers,
        allowedKernelExtensions);
  }
}
