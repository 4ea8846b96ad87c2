package org.mdeprofiles.cms;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * SHA256withECDSA with the nonce derived from the key and the message (RFC 6979), so that signing
 * the same bytes twice gives the same signature; the JDK's ECDSA draws a random nonce.
 */
final class DeterministicEcdsaSigner implements ContentSigner {
  private final ECPrivateKeyParameters key;
  private final ByteArrayOutputStream data = new ByteArrayOutputStream();

  DeterministicEcdsaSigner(PrivateKey privateKey) throws InvalidKeyException {
    key = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(privateKey);
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
  }

  @Override
  public OutputStream getOutputStream() {
    return data;
  }

  @Override
  public byte[] getSignature() {
    SHA256Digest digest = new SHA256Digest();
    byte[] bytes = data.toByteArray();
    digest.update(bytes, 0, bytes.length);
    byte[] hash = new byte[digest.getDigestSize()];
    digest.doFinal(hash, 0);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, key);
    BigInteger[] rs = signer.generateSignature(hash);
    ASN1EncodableVector sequence = new ASN1EncodableVector();
    sequence.add(new ASN1Integer(rs[0]));
    sequence.add(new ASN1Integer(rs[1]));
    try {
      return new DERSequence(sequence).getEncoded(ASN1Encoding.DER);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("DER encoding of two integers failed", e);
    }
  }
}
