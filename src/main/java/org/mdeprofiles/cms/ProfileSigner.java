package org.mdeprofiles.cms;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a profile as macOS's {@code security cms -S} does: CMS SignedData, the profile inside,
 * SHA-256, the signer's certificate and chain included, DER. Deterministic: RSA keys sign with
 * PKCS #1 v1.5, EC keys with RFC 6979's deterministic ECDSA, and without a signing-time attribute
 * the same profile and identity give the same bytes.
 */
public final class ProfileSigner {
  private ProfileSigner() {}

  /** {@code content} signed by {@code identity}; with {@code signingTime}, the time is stated (and the bytes vary). */
  public static byte[] sign(byte[] content, SigningIdentity identity, boolean signingTime)
      throws SignatureFormatException {
    String algorithm = identity.key().getAlgorithm();
    if (!algorithm.equals("RSA") && !algorithm.equals("EC")) {
      throw new SignatureFormatException("the identity's key is " + algorithm + "; RSA and EC keys can sign");
    }
    try {
      CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
      JcaSignerInfoGeneratorBuilder signer =
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
      if (!signingTime) {
        signer.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator() {
          @Override
          @SuppressWarnings({"rawtypes", "unchecked"})
          protected Hashtable createStandardAttributeTable(Map parameters) {
            Hashtable table = super.createStandardAttributeTable(parameters);
            table.remove(CMSAttributes.signingTime);
            return table;
          }
        });
      }
      ContentSigner contentSigner = algorithm.equals("EC")
          ? new DeterministicEcdsaSigner(identity.key())
          : new JcaContentSignerBuilder("SHA256withRSA").build(identity.key());
      cms.addSignerInfoGenerator(signer.build(contentSigner, identity.certificate()));
      List<java.security.cert.X509Certificate> certificates = new ArrayList<>();
      certificates.add(identity.certificate());
      certificates.addAll(identity.chain());
      cms.addCertificates(new JcaCertStore(certificates));
      return cms.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
    } catch (Exception e) {
      throw new SignatureFormatException("signing failed: " + e.getMessage());
    }
  }
}
