package org.mdeprofiles.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The config's {@code signing:} section: the identity that signs, where its password comes from
 * (a variable's name or a file; never the password itself), and which folders beyond what Jamf
 * must not alter are signed ({@code sign: [plain]}).
 */
public record SigningConfig(Optional<Path> identity, Optional<String> passwordEnv, Optional<Path> passwordFile,
    List<String> sign) {
  public static final SigningConfig NONE = new SigningConfig(Optional.empty(), Optional.empty(), Optional.empty(),
      List.of());
  static final java.util.Set<String> KEYS = java.util.Set.of("identity", "passwordEnv", "passwordFile", "sign");

  public SigningConfig {
    Objects.requireNonNull(identity, "identity == null");
    Objects.requireNonNull(passwordEnv, "passwordEnv == null");
    Objects.requireNonNull(passwordFile, "passwordFile == null");
    sign = List.copyOf(sign);
  }

  /** The section, its paths resolved against {@code base} (the config's folder). */
  static SigningConfig of(ConfigTree section, java.util.function.Function<String, Path> resolve) {
    section.onlyKeys(KEYS);
    return new SigningConfig(section.string("identity").map(resolve), section.string("passwordEnv"),
        section.string("passwordFile").map(resolve), section.strings("sign"));
  }
}
