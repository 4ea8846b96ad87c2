package org.mdeprofiles.cms;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;

/** What a signer's check means for the profile, as findings at the profile's root. */
public final class SignatureFindings {
  private SignatureFindings() {}

  public static List<Finding> of(SignedProfile.Signer signer, Instant now) {
    return of(signer, now, List.of());
  }

  /**
   * With {@code trust} not empty, also whether the signer's certificate chains to one of those
   * certificates (an error when it does not).
   */
  public static List<Finding> of(SignedProfile.Signer signer, Instant now, List<X509Certificate> trust) {
    List<Finding> out = new ArrayList<>();
    PlistPath root = PlistPath.root();
    switch (signer.status()) {
      case VERIFIED -> out.add(Finding.info(root, "signature.valid", signer.subject()));
      case INVALID -> out.add(Finding.error(root, "signature.invalid", signer.subject()));
      case CERTIFICATE_NOT_VALID_AT_SIGNING ->
          out.add(Finding.error(root, "signature.not-valid-at-signing", signer.subject()));
      case NO_CERTIFICATE -> out.add(Finding.error(root, "signature.no-certificate"));
      default -> throw new IllegalStateException("unknown status " + signer.status());
    }
    if (signer.notBefore().isPresent() && signer.notAfter().isPresent()) {
      out.add(Finding.info(root, "signature.validity", signer.subject(), signer.notBefore().get().toInstant().toString(),
          signer.notAfter().get().toInstant().toString()));
    }
    signer.notAfter().filter(end -> end.toInstant().isBefore(now)).ifPresent(end ->
        out.add(Finding.warning(root, "signature.expired", signer.subject(), end.toInstant().toString())));
    if (!trust.isEmpty() && signer.certificate().isPresent()) {
      TrustCheck.Outcome outcome =
          TrustCheck.check(signer.certificate().get(), signer.included(), trust, java.util.Date.from(now));
      out.add(outcome.trusted()
          ? Finding.info(root, "signature.trusted", signer.subject(), outcome.detail())
          : Finding.error(root, "signature.untrusted", signer.subject(), outcome.detail()));
    }
    return out;
  }
}
