package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.TestProfiles;

/**
 * A signer issued by a CA: the chain goes into the signature, OpenSSL verifies it against the CA
 * (-CAfile, the real consumer's trust check), and validate --trust says the same.
 */
class SigningChainTest {
  private static final String PASSWORD = "chain-pass-31d";
  @TempDir Path dir;

  private record Issued(KeyPair keys, X509Certificate certificate) {}

  private static Issued issue(String cn, KeyPair issuerKeys, X500Name issuer, boolean ca, long serial) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name subject = new X500Name(cn);
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer == null ? subject : issuer,
        BigInteger.valueOf(serial), new Date(0), new Date(4_102_444_800_000L), subject, keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
        : KeyUsage.digitalSignature));
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
        new JcaContentSignerBuilder("SHA256withRSA").build((issuerKeys == null ? keys : issuerKeys).getPrivate())));
    return new Issued(keys, certificate);
  }

  private static String pem(X509Certificate c) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  @Test
  void aSignerIssuedByACaChainsToItForOpensslAndForValidate() throws Exception {
    Issued root = issue("CN=Contoso Root CA", null, null, true, 1);
    Issued leaf = issue("CN=Contoso Profile Signing", root.keys(), new X500Name("CN=Contoso Root CA"), false, 2);
    Issued stranger = issue("CN=Someone Else CA", null, null, true, 3);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("signing", leaf.keys().getPrivate(), PASSWORD.toCharArray(), new Certificate[] {leaf.certificate()});
    Path p12 = dir.resolve("leaf.p12");
    try (var out = Files.newOutputStream(p12)) {
      store.store(out, PASSWORD.toCharArray());
    }
    Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    Path rootPem = dir.resolve("root.pem");
    Files.writeString(rootPem, pem(root.certificate()));
    Path strangerPem = dir.resolve("stranger.pem");
    Files.writeString(strangerPem, pem(stranger.certificate()));
    Path profile = dir.resolve("kext.mobileconfig");
    Files.writeString(profile, TestProfiles.defaultKext());
    Path signed = dir.resolve("kext.signed.mobileconfig");
    CliRun sign = CliRun.of("sign", "--identity", p12.toString(), "--password-file", dir.resolve("password").toString(),
        "--chain", rootPem.toString(), "-o", signed.toString(), profile.toString());
    assertEquals(0, sign.exit(), sign.err());

    CliRun trusted = CliRun.of("validate", "--trust", rootPem.toString(), signed.toString());
    assertEquals(0, trusted.exit(), trusted.out());
    assertEquals(signed + ": info: signed by CN=Contoso Profile Signing; the signature verifies (whether the Mac trusts"
        + " the certificate is not checked here) [signature.valid]\n"
        + signed + ": info: the certificate of CN=Contoso Profile Signing is valid from 1970-01-01T00:00:00Z to"
        + " 2100-01-01T00:00:00Z [signature.validity]\n"
        + signed + ": info: the certificate of CN=Contoso Profile Signing chains to CN=Contoso Root CA, a certificate"
        + " given with --trust [signature.trusted]\n"
        + "1 file checked: 0 failed, 0 errors, 0 warnings\n", trusted.out());
    CliRun untrusted = CliRun.of("validate", "--trust", strangerPem.toString(), signed.toString());
    assertEquals(1, untrusted.exit());
    assertTrue(untrusted.out().contains(signed + ": error: the certificate of CN=Contoso Profile Signing does not chain"
        + " to a certificate given with --trust ("), untrusted.out());
    CliRun notPem = CliRun.of("validate", "--trust", profile.toString(), signed.toString());
    assertEquals(3, notPem.exit());
    assertEquals("mde-profiles: " + profile + ": not a certificate file (PEM or DER X.509)\n", notPem.err());

    // OpenSSL's own chain check agrees: it verifies against the root, and not against the stranger.
    int withRoot;
    int withStranger;
    try {
      withRoot = openssl(signed, rootPem);
      withStranger = openssl(signed, strangerPem);
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("skipped: openssl is not on the PATH");
      return;
    }
    assertEquals(0, withRoot, "openssl cms -verify -CAfile root.pem");
    assertTrue(withStranger != 0, "openssl cms -verify -CAfile stranger.pem must fail");
  }

  private static int openssl(Path signed, Path caFile) throws Exception {
    Process p = new ProcessBuilder("openssl", "cms", "-verify", "-inform", "DER", "-in", signed.toString(),
        "-CAfile", caFile.toString(), "-purpose", "any", "-out", "/dev/null").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }
}
