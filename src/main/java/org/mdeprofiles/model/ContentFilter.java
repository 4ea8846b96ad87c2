package org.mdeprofiles.model;

import java.util.Objects;

/** A {@code com.apple.webcontent-filter} payload for a plug-in (network extension) filter. */
public record ContentFilter(
    PayloadHeader header,
    String userDefinedName,
    String pluginBundleId,
    boolean filterSockets,
    boolean filterPackets,
    String filterGrade,
    String dataProviderBundleId,
    String dataProviderDesignatedRequirement)
    implements Payload {
  public static final String TYPE = "com.apple.webcontent-filter";

  public ContentFilter {
    Objects.requireNonNull(header, "header == null");
    Objects.requireNonNull(userDefinedName, "userDefinedName == null");
    Objects.requireNonNull(pluginBundleId, "pluginBundleId == null");
    Objects.requireNonNull(filterGrade, "filterGrade == null");
    Objects.requireNonNull(dataProviderBundleId, "dataProviderBundleId == null");
    Objects.requireNonNull(dataProviderDesignatedRequirement, "dataProviderDesignatedRequirement == null");
  }

  @Override
  public String template() {
    return "content-filter";
  }

  @Override
  public ContentFilter withUuid(String uuid) {
    return new ContentFilter(header.withUuid(uuid), userDefinedName, pluginBundleId, filterSockets, filterPackets,
        filterGrade, dataProviderBundleId, dataProviderDesignatedRequirement);
  }
}
