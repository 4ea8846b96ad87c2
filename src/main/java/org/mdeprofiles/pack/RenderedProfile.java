package org.mdeprofiles.pack;

import java.util.List;
import java.util.Objects;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.model.Profile;

/** A profile, its rendered bytes, and the findings of validating those bytes. */
public record RenderedProfile(Profile profile, byte[] bytes, List<Finding> findings) {
  public RenderedProfile {
    Objects.requireNonNull(profile, "profile == null");
    bytes = bytes.clone();
    findings = List.copyOf(findings);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public String fileName() {
    return profile.name() + ".mobileconfig";
  }
}
