package org.mdeprofiles.model;

import java.util.List;
import java.util.Objects;

/** A {@code com.apple.servicemanagement} (managed login and background items) payload. */
public record ServiceManagement(PayloadHeader header, List<ServiceRule> rules) implements Payload {
  public static final String TYPE = "com.apple.servicemanagement";

  public ServiceManagement {
    Objects.requireNonNull(header, "header == null");
    rules = List.copyOf(rules);
  }

  @Override
  public String template() {
    return "service-management";
  }

  @Override
  public ServiceManagement withUuid(String uuid) {
    return new ServiceManagement(header.withUuid(uuid), rules);
  }
}
