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
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a profile as macOS's {@code security cms -S} does: CMS SignedData, the profile inside,
 * SHA-256, the signer's certificate and chain included, DER. Deterministic: with an RSA key
 * (PKCS #1 v1.5) and no signing-time attribute, the same profile and identity give the same bytes.
 */
public final class ProfileSigner {
  private ProfileSigner() {}

  /** {@code content} signed by {@code identity}; with {@code signingTime}, the time is stated (and the bytes vary). */
  public static byte[] sign(byte[] content, SigningIdentity identity, boolean signingTime)
      throws SignatureFormatException {
    if (!identity.key().getAlgorithm().equals("RSA")) {
      throw new SignatureFormatException("the identity's key is " + identity.key().getAlgorithm()
          + "; only RSA keys sign here so far (deterministic ECDSA is not built yet)");
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
      cms.addSignerInfoGenerator(signer.build(
          new JcaContentSignerBuilder("SHA256withRSA").build(identity.key()), identity.certificate()));
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
