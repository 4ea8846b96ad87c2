package org.mdeprofiles.cms;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;

/**
 * A CMS (PKCS #7) signed profile, unwrapped: the signed content and, for every signer, who it is
 * and what checking its signature against the certificate inside gave. The certificate's trust is
 * not judged here: that is the Mac's business, against its own trust store.
 */
public record SignedProfile(byte[] content, List<Signer> signers) {
  /** What checking one signer's signature gave. */
  public enum Status {
    /** The signature verifies against the signer's certificate. */
    VERIFIED,
    /** It does not: the content changed after signing, or the signature is corrupt. */
    INVALID,
    /** The certificate was not valid at the signing time the signature states. */
    CERTIFICATE_NOT_VALID_AT_SIGNING,
    /** No certificate for the signer is included, so nothing could be checked. */
    NO_CERTIFICATE
  }

  /**
   * One signer: its certificate's subject (empty without a certificate), the check's outcome, and
   * when its certificate stops being valid.
   */
  public record Signer(String subject, Status status, Optional<Date> notBefore, Optional<Date> notAfter,
      Optional<String> certificateSha256, Optional<X509Certificate> certificate, List<X509Certificate> included) {
    public Signer {
      Objects.requireNonNull(subject, "subject == null");
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(notBefore, "notBefore == null");
      Objects.requireNonNull(notAfter, "notAfter == null");
      Objects.requireNonNull(certificateSha256, "certificateSha256 == null");
      Objects.requireNonNull(certificate, "certificate == null");
      included = List.copyOf(included);
    }
  }

  /** The most DER an object may claim to hold; profiles are far smaller. */
  private static final int MAX_DER_BYTES = 16 * 1024 * 1024;

  public SignedProfile {
    content = content.clone();
    signers = List.copyOf(signers);
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
    try {
      return contentAndSigners(signed);
    } catch (RuntimeException | StackOverflowError e) {
      // BouncyCastle reads some fields only now (a signing time with a malformed date, say).
      throw new SignatureFormatException("not a readable CMS signed profile (corrupt or truncated)");
    }
  }

  private static SignedProfile contentAndSigners(CMSSignedData signed) throws SignatureFormatException {
    CMSProcessable content = signed.getSignedContent();
    if (content == null || !(content.getContent() instanceof byte[] payload)) {
      throw new SignatureFormatException("a CMS signature without the profile inside (detached signature)");
    }
    Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
    if (signers.isEmpty()) {
      throw new SignatureFormatException("a CMS structure without a signer");
    }
    List<Signer> checked = new ArrayList<>();
    for (SignerInformation signer : signers) {
      checked.add(check(signed, signer));
    }
    return new SignedProfile(payload, checked);
  }

  private static Signer check(CMSSignedData signed, SignerInformation signer) {
    @SuppressWarnings("unchecked")
    Selector<X509CertificateHolder> selector = (Selector<X509CertificateHolder>) (Selector<?>) signer.getSID();
    Optional<X509CertificateHolder> certificate =
        signed.getCertificates().getMatches(selector).stream().findFirst();
    if (certificate.isEmpty()) {
      return new Signer("", Status.NO_CERTIFICATE, Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), List.of());
    }
    X509CertificateHolder holder = certificate.get();
    Status status;
    try {
      status = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))
          ? Status.VERIFIED : Status.INVALID;
    } catch (CMSVerifierCertificateNotValidException e) {
      status = Status.CERTIFICATE_NOT_VALID_AT_SIGNING;
    } catch (Exception e) {
      status = Status.INVALID;
    }
    return new Signer(holder.getSubject().toString(), status, Optional.of(holder.getNotBefore()),
        Optional.of(holder.getNotAfter()), Optional.of(sha256(holder)), x509(holder), included(signed));
  }

  private static Optional<X509Certificate> x509(X509CertificateHolder holder) {
    try {
      return Optional.of(new JcaX509CertificateConverter().getCertificate(holder));
    } catch (java.security.cert.CertificateException e) {
      return Optional.empty();
    }
  }

  /** Every certificate the signature carries: the chain a trust check may build from. */
  private static List<X509Certificate> included(CMSSignedData signed) {
    List<X509Certificate> out = new ArrayList<>();
    for (X509CertificateHolder h : signed.getCertificates().getMatches(null)) {
      x509(h).ifPresent(out::add);
    }
    return out;
  }

  private static String sha256(X509CertificateHolder certificate) {
    try {
      return org.mdeprofiles.digest.Sha256.hex(certificate.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("SHA-256 of a certificate read a moment ago", e);
    }
  }
}
