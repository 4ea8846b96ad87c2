package org.mdeprofiles.cms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;

/** What a signer's check means for the profile, as findings at the profile's root. */
public final class SignatureFindings {
  private SignatureFindings() {}

  public static List<Finding> of(SignedProfile.Signer signer, Instant now) {
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
    signer.notAfter().filter(end -> end.toInstant().isBefore(now)).ifPresent(end ->
        out.add(Finding.warning(root, "signature.expired", signer.subject(), end.toInstant().toString())));
    return out;
  }
}
