package org.mdeprofiles.validate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The rules for one payload type, read from its spec file. */
record PayloadSpec(
    String payloadType,
    String title,
    MacosSupport macos,
    boolean deviceChannelOnly,
    Map<String, KeySpec> keys,
    java.util.List<DictRule> rules) {

  PayloadSpec {
    Objects.requireNonNull(payloadType, "payloadType == null");
    Objects.requireNonNull(macos, "macos == null");
    keys = new LinkedHashMap<>(keys);
    rules = java.util.List.copyOf(rules);
  }
}
