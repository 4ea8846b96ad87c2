package org.mdeprofiles.validate;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.mdeprofiles.model.MacosVersion;

/**
 * How to validate: the fleet's macOS range. The oldest, when known, turns what a version lacks
 * into warnings; the newest (by default the newest macOS the spec files know) says what the
 * fleet will meet: a key deprecated or removed on its newer Macs. With {@code trust}, a signed
 * profile's signer must chain to one of those certificates.
 */
public record ValidationOptions(Optional<MacosVersion> macos, Optional<MacosVersion> newest,
    List<X509Certificate> trust) {
  /** The newest macOS whose facts the spec files hold (Apple's schema at the macOS 27 release). */
  public static final MacosVersion NEWEST_KNOWN = MacosVersion.parse("27.0");
  public static final ValidationOptions DEFAULT = new ValidationOptions(Optional.empty(), Optional.of(NEWEST_KNOWN));

  public ValidationOptions {
    macos = macos == null ? Optional.empty() : macos;
    newest = newest == null ? Optional.empty() : newest;
    trust = trust == null ? List.of() : List.copyOf(trust);
  }

  /** The fleet's range; no certificate to check signatures against. */
  public ValidationOptions(Optional<MacosVersion> macos, Optional<MacosVersion> newest) {
    this(macos, newest, List.of());
  }

  /** The same options, signatures checked against {@code certificates} (validate --trust). */
  public ValidationOptions trusting(List<X509Certificate> certificates) {
    return new ValidationOptions(macos, newest, certificates);
  }

  /** The oldest macOS given, the newest the spec files know. */
  public ValidationOptions(Optional<MacosVersion> macos) {
    this(macos, Optional.of(NEWEST_KNOWN));
  }
}
