package org.mdeprofiles.pack;

import java.util.Objects;
import java.util.Optional;

/**
 * One file of an output bundle.
 *
 * @param path relative path with forward slashes, such as {@code plain/kext.mobileconfig}
 * @param mdm the target the file is for ("plain", "jamf", "intune")
 * @param step what an admin does with the file
 * @param profile the profile the file carries, when it carries one
 * @param secret true for the onboarding file: written readable by its owner only
 */
public record BundleFile(
    String path, byte[] bytes, String mdm, String step, Optional<ProfileFile> profile, boolean secret) {
  /** A file anyone may read. */
  public BundleFile(String path, byte[] bytes, String mdm, String step, Optional<ProfileFile> profile) {
    this(path, bytes, mdm, step, profile, false);
  }

  public BundleFile {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(mdm, "mdm == null");
    Objects.requireNonNull(step, "step == null");
    Objects.requireNonNull(profile, "profile == null");
    if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("bundle path must be relative and plain: " + path);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
