package org.mdeprofiles.validate;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Payload specs by payload type, each loaded once on first use. */
final class SpecRegistry {
  static final String TOP_LEVEL = "TopLevel";
  static final String COMMON = "CommonPayloadKeys";

  private static final SpecRegistry INSTANCE = new SpecRegistry();

  private final SpecLoader loader = new SpecLoader();
  private final Map<String, Optional<PayloadSpec>> cache = new ConcurrentHashMap<>();

  static SpecRegistry instance() {
    return INSTANCE;
  }

  Optional<PayloadSpec> find(String payloadType) {
    return cache.computeIfAbsent(payloadType, t -> Optional.ofNullable(loader.payload(t)));
  }

  PayloadSpec require(String payloadType) {
    return find(payloadType)
        .orElseThrow(() -> new IllegalStateException("missing spec file for " + payloadType));
  }
}
