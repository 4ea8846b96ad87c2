package org.mdeprofiles.pack;

import java.util.List;
import java.util.Objects;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.model.Profile;

/** A profile, the file its rendering gave, and the findings of validating that file. */
public record RenderedProfile(Profile profile, ProfileFile file, List<Finding> findings) {
  public RenderedProfile {
    Objects.requireNonNull(profile, "profile == null");
    Objects.requireNonNull(file, "file == null");
    findings = List.copyOf(findings);
  }

  public byte[] bytes() {
    return file.bytes();
  }

  public String fileName() {
    return file.fileName();
  }
}
