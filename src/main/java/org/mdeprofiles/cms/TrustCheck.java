package org.mdeprofiles.cms;

import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a signer's certificate chains to a certificate the user trusts (as a Mac would with the
 * certificate in its keychain or pushed by MDM): a PKIX path from the signer, through the
 * certificates the signature carries, to one of the anchors, valid at the given time. Revocation
 * is not checked (it needs the network).
 */
public final class TrustCheck {
  /** The outcome: the anchor reached, or why none was. */
  public record Outcome(boolean trusted, String detail) {}

  private TrustCheck() {}

  public static Outcome check(X509Certificate signer, List<X509Certificate> included, List<X509Certificate> anchors,
      Date at) {
    try {
      Set<TrustAnchor> trust = new HashSet<>();
      anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(signer);
      PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
      params.setRevocationEnabled(false);
      params.setDate(at);
      params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(included)));
      PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
      return new Outcome(true, result.getTrustAnchor().getTrustedCert().getSubjectX500Principal().getName());
    } catch (java.security.cert.CertPathBuilderException e) {
      String why = e.getMessage() == null ? "no path" : e.getMessage();
      return new Outcome(false, why.length() > 120 ? why.substring(0, 120) + "..." : why);
    } catch (java.security.GeneralSecurityException e) {
      return new Outcome(false, String.valueOf(e.getMessage()));
    }
  }
}
