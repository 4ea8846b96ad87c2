package org.mdeprofiles.cms;

import java.io.IOException;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;

/**
 * A CMS (PKCS #7) signed profile, unwrapped: the signed content, who signed it, and whether the
 * signature verifies against the certificate inside. The certificate's trust is not judged here:
 * that is the Mac's business, against its own trust store.
 */
public record SignedProfile(byte[] content, String signer, boolean verified) {
  /** The most DER an object may claim to hold; profiles are far smaller. */
  private static final int MAX_DER_BYTES = 16 * 1024 * 1024;

  public SignedProfile {
    content = content.clone();
    Objects.requireNonNull(signer, "signer == null");
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** True when {@code bytes} look like DER (a SEQUENCE), as a signed profile does. */
  public static boolean looksSigned(byte[] bytes) {
    return bytes.length > 2 && bytes[0] == 0x30 && (bytes[1] & 0xff) >= 0x80;
  }

  /**
   * Unwraps {@code bytes}; throws {@link SignatureFormatException} when they are no CMS signed
   * data with content.
   */
  public static SignedProfile unwrap(byte[] bytes) throws SignatureFormatException {
    CMSSignedData signed;
    try (ASN1InputStream in = new ASN1InputStream(new java.io.ByteArrayInputStream(bytes), MAX_DER_BYTES)) {
      ASN1Primitive der = in.readObject();
      signed = new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(der));
    } catch (IOException | CMSException | RuntimeException | StackOverflowError e) {
      throw new SignatureFormatException("not a readable CMS signed profile (corrupt or truncated)");
    }
    CMSProcessable content = signed.getSignedContent();
    if (content == null || !(content.getContent() instanceof byte[] payload)) {
      throw new SignatureFormatException("a CMS signature without the profile inside (detached signature)");
    }
    Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
    if (signers.isEmpty()) {
      throw new SignatureFormatException("a CMS structure without a signer");
    }
    SignerInformation signer = signers.iterator().next();
    @SuppressWarnings("unchecked")
    Selector<X509CertificateHolder> selector = (Selector<X509CertificateHolder>) (Selector<?>) signer.getSID();
    Optional<X509CertificateHolder> certificate =
        signed.getCertificates().getMatches(selector).stream().findFirst();
    if (certificate.isEmpty()) {
      return new SignedProfile(payload, "an unknown signer (no certificate included)", false);
    }
    String subject = certificate.get().getSubject().toString();
    boolean verified;
    try {
      verified = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.get()));
    } catch (Exception e) {
      verified = false;
    }
    return new SignedProfile(payload, subject, verified);
  }
}
