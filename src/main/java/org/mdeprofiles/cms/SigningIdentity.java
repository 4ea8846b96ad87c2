package org.mdeprofiles.cms;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The key and certificate a profile is signed with, from a PKCS #12 file or a PEM file holding
 * both, checked: the key must match the certificate, which must be valid now. Every problem is one
 * line ({@link SignatureFormatException}); the password is never part of a message.
 */
public record SigningIdentity(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
  /** BouncyCastle's provider, for the PBES2 ciphers of encrypted PEM keys the JDK may lack. */
  private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

  public SigningIdentity {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(certificate, "certificate == null");
    chain = List.copyOf(chain);
  }

  /** Reads {@code bytes} (PKCS #12, or PEM with a certificate and a private key). */
  public static SigningIdentity read(byte[] bytes, char[] password, Date now) throws SignatureFormatException {
    SigningIdentity identity = looksPem(bytes) ? pem(bytes, password) : pkcs12(bytes, password);
    identity.check(now);
    return identity;
  }

  private static boolean looksPem(byte[] bytes) {
    return new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN ");
  }

  private static SigningIdentity pkcs12(byte[] bytes, char[] password) throws SignatureFormatException {
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), password);
    } catch (java.io.IOException e) {
      throw new SignatureFormatException(e.getCause() instanceof java.security.UnrecoverableKeyException
          || String.valueOf(e.getMessage()).contains("password")
          ? "wrong password (or not a PKCS #12 identity)" : "not a PKCS #12 or PEM identity");
    } catch (Exception e) {
      throw new SignatureFormatException("not a PKCS #12 or PEM identity");
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key) {
          List<X509Certificate> chain = new ArrayList<>();
          for (java.security.cert.Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
          }
          return new SigningIdentity(key, chain.get(0), chain.subList(1, chain.size()));
        }
      }
    } catch (Exception e) {
      throw new SignatureFormatException("wrong password for the private key");
    }
    throw new SignatureFormatException("no private key in the identity (a certificate alone cannot sign)");
  }

  private static SigningIdentity pem(byte[] bytes, char[] password) throws SignatureFormatException {
    PrivateKey key = null;
    List<X509Certificate> certificates = new ArrayList<>();
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (PEMParser parser = new PEMParser(new StringReader(new String(bytes, StandardCharsets.US_ASCII)))) {
      Object item;
      while ((item = parser.readObject()) != null) {
        if (item instanceof org.bouncycastle.cert.X509CertificateHolder holder) {
          certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(holder.getEncoded())));
        } else if (item instanceof PrivateKeyInfo info) {
          key = converter.getPrivateKey(info);
        } else if (item instanceof PEMKeyPair pair) {
          key = converter.getKeyPair(pair).getPrivate();
        } else if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
          try {
            key = converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password)));
          } catch (Exception e) {
            throw new SignatureFormatException("wrong password for the private key");
          }
        } else if (item instanceof PEMEncryptedKeyPair encrypted) {
          try {
            key = converter.getKeyPair(encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password)))
                .getPrivate();
          } catch (Exception e) {
            throw new SignatureFormatException("wrong password for the private key");
          }
        }
      }
    } catch (SignatureFormatException e) {
      throw e;
    } catch (Exception e) {
      throw new SignatureFormatException("not a readable PEM identity");
    }
    if (key == null) {
      throw new SignatureFormatException("no private key in the identity (a certificate alone cannot sign)");
    }
    if (certificates.isEmpty()) {
      throw new SignatureFormatException("no certificate in the identity");
    }
    return new SigningIdentity(key, certificates.get(0), certificates.subList(1, certificates.size()));
  }

  /** The key must match the certificate, and the certificate be valid at {@code now}. */
  private void check(Date now) throws SignatureFormatException {
    if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm()) || !matches()) {
      throw new SignatureFormatException("the private key does not match the certificate of "
          + subject());
    }
    if (now.after(certificate.getNotAfter())) {
      throw new SignatureFormatException("the certificate of " + subject()
          + " expired on " + certificate.getNotAfter().toInstant());
    }
    if (now.before(certificate.getNotBefore())) {
      throw new SignatureFormatException("the certificate of " + subject()
          + " is not valid before " + certificate.getNotBefore().toInstant());
    }
  }

  private boolean matches() {
    try {
      java.security.Signature s = java.security.Signature.getInstance(
          key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA");
      byte[] probe = "mde-profiles key check".getBytes(StandardCharsets.US_ASCII);
      s.initSign(key);
      s.update(probe);
      byte[] signature = s.sign();
      s.initVerify(certificate.getPublicKey());
      s.update(probe);
      return s.verify(signature);
    } catch (Exception e) {
      return false;
    }
  }

  /** The certificate's subject, written as validate writes a signer's (CN first). */
  public String subject() {
    return org.bouncycastle.asn1.x500.X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
        .toString();
  }

  /** True when the certificate signed itself: macOS shows such a profile as unverified unless trusted. */
  public boolean selfSigned() {
    return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
  }

  /** False when the certificate's key usage leaves out digital signatures. */
  public boolean keyUsageAllowsSigning() {
    boolean[] usage = certificate.getKeyUsage();
    return usage == null || usage[0];
  }
}
