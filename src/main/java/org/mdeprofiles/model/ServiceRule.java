package org.mdeprofiles.model;

import java.util.Objects;

/** A background-item rule of a service-management payload, such as a label prefix. */
public record ServiceRule(String ruleType, String ruleValue) {
  public ServiceRule {
    Objects.requireNonNull(ruleType, "ruleType == null");
    Objects.requireNonNull(ruleValue, "ruleValue == null");
  }
}
