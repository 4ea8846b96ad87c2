package org.mdeprofiles.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.TestProfiles;
import org.mdeprofiles.cli.CliRun;

/** Signed profiles, made by the test itself: a self-signed certificate and a CMS signature. */
class SignedProfileTest {
  @TempDir Path dir;

  static byte[] sign(byte[] content) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=Contoso Profile Signing,O=Contoso");
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
        new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, new Date(0), new Date(4_102_444_800_000L),
            subject, keys.getPublic()).build(signer));
    CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
    cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()), certificate));
    cms.addCertificates(new JcaCertStore(List.of(certificate)));
    return cms.generate(new CMSProcessableByteArray(content), true).getEncoded();
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  @Test
  void signedProfileIsUnwrappedVerifiedAndValidated() throws Exception {
    Path file = write("signed.mobileconfig", sign(TestProfiles.defaultKext().getBytes(StandardCharsets.UTF_8)));
    CliRun run = CliRun.of("validate", file.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertEquals(file + ": info: signed by CN=Contoso Profile Signing,O=Contoso; the signature verifies (whether"
        + " the Mac trusts the certificate is not checked here) [signature.valid]\n"
        + file + ": info: the certificate of CN=Contoso Profile Signing,O=Contoso is valid from 1970-01-01T00:00:00Z"
        + " to 2100-01-01T00:00:00Z [signature.validity]\n"
        + "1 file checked: 0 failed, 0 errors, 0 warnings\n", run.out());
  }

  @Test
  void contentChangedAfterSigningFailsVerification() throws Exception {
    byte[] content = TestProfiles.defaultKext().getBytes(StandardCharsets.UTF_8);
    byte[] signed = sign(content);
    String marker = "Approved Kernel Extensions";
    int at = indexOf(signed, marker.getBytes(StandardCharsets.UTF_8));
    signed[at] = 'X';
    CliRun run = CliRun.of("validate", write("tampered.mobileconfig", signed).toString());
    assertEquals(1, run.exit());
    assertTrue(run.out().startsWith(dir.resolve("tampered.mobileconfig") + ": error: signed by CN=Contoso Profile"
        + " Signing,O=Contoso, but the signature does not verify: the profile changed after signing, or the"
        + " signature is corrupt [signature.invalid]\n"), run.out());
  }

  @Test
  void corruptSignatureIsOneLineAndExitThree() throws Exception {
    byte[] signed = sign(TestProfiles.defaultKext().getBytes(StandardCharsets.UTF_8));
    Path truncated = write("truncated.mobileconfig", Arrays.copyOf(signed, signed.length / 3));
    CliRun run = CliRun.of("validate", truncated.toString());
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: " + truncated + ": not a readable CMS signed profile (corrupt or truncated)\n",
        run.err());
  }

  @Test
  void packageRefusesASignedProfileByName() throws Exception {
    Path signed = write("signed.mobileconfig", sign(TestProfiles.defaultKext().getBytes(StandardCharsets.UTF_8)));
    CliRun run = CliRun.of("package", "--out", dir.resolve("out").toString(), signed.toString());
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: " + signed + ": is CMS-signed; upload a signed profile as it is (package takes"
        + " unsigned profiles, whose text the MDM bodies carry)\n", run.err());
  }

  /** A key pair and a self-signed certificate for it, valid from {@code from} to {@code to}. */
  private record Identity(KeyPair keys, X509Certificate certificate) {}

  private static Identity identity(String cn, BigInteger serial, Date from, Date to) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=" + cn);
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
        new JcaX509v3CertificateBuilder(subject, serial, from, to, subject, keys.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    return new Identity(keys, certificate);
  }

  private static final Date LONG_AGO = new Date(0);
  private static final Date YEAR_2100 = new Date(4_102_444_800_000L);

  /**
   * Signed by each signer: its key signs, and the certificate named is the one the signature
   * points at (another key's certificate makes a signature that cannot verify).
   */
  private static byte[] signBy(byte[] content, List<Identity> keys, List<X509Certificate> named,
      List<X509Certificate> included) throws Exception {
    CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
    for (int i = 0; i < keys.size(); i++) {
      cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.get(i).keys().getPrivate()), named.get(i)));
    }
    cms.addCertificates(new JcaCertStore(included));
    return cms.generate(new CMSProcessableByteArray(content), true).getEncoded();
  }

  /** What OpenSSL, the real consumer here, says of the signatures (chain trust not judged). */
  private static boolean opensslVerifies(Path file) throws Exception {
    Process p = new ProcessBuilder("openssl", "cms", "-verify", "-noverify", "-inform", "DER", "-in",
        file.toString(), "-out", "/dev/null").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  private static boolean hasOpenssl() {
    try {
      return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void everySignerIsCheckedAsOpensslChecksThem() throws Exception {
    byte[] content = TestProfiles.defaultKext().getBytes(StandardCharsets.UTF_8);
    Identity a = identity("Signer A", BigInteger.ONE, LONG_AGO, YEAR_2100);
    Identity b = identity("Signer B", BigInteger.TWO, LONG_AGO, YEAR_2100);
    Identity c = identity("Signer B", BigInteger.TWO, LONG_AGO, YEAR_2100); // B's name, another key
    Path good = write("two-good.mobileconfig", signBy(content, List.of(a, b),
        List.of(a.certificate(), b.certificate()), List.of(a.certificate(), b.certificate())));
    Path bad = write("one-bad.mobileconfig", signBy(content, List.of(a, b),
        List.of(a.certificate(), c.certificate()), List.of(a.certificate(), c.certificate())));
    CliRun goodRun = CliRun.of("validate", "--quiet", good.toString());
    assertEquals(0, goodRun.exit(), goodRun.out());
    CliRun badRun = CliRun.of("validate", "--quiet", bad.toString());
    assertEquals(1, badRun.exit());
    assertEquals(bad + ": error: signed by CN=Signer B, but the signature does not verify: the profile changed after"
        + " signing, or the signature is corrupt [signature.invalid]\n", badRun.out());
    org.junit.jupiter.api.Assumptions.assumeTrue(hasOpenssl(), "skipped: openssl is not on the PATH");
    assertTrue(opensslVerifies(good));
    assertEquals(false, opensslVerifies(bad));
  }

  @Test
  void aCertificateExpiredAtSigningAndAMissingCertificateAreSaidAsSuch() throws Exception {
    byte[] content = TestProfiles.defaultKext().getBytes(StandardCharsets.UTF_8);
    Identity expired = identity("Expired", BigInteger.TEN, LONG_AGO, new Date(1_000_000_000_000L));
    Path old = write("expired.mobileconfig", signBy(content, List.of(expired), List.of(expired.certificate()),
        List.of(expired.certificate())));
    CliRun run = CliRun.of("validate", "--quiet", old.toString());
    assertEquals(1, run.exit());
    assertEquals(old + ": error: signed by CN=Expired, but its certificate was not valid at the signing time the"
        + " signature gives [signature.not-valid-at-signing]\n"
        + old + ": warning: the certificate of CN=Expired expired on 2001-09-09T01:46:40Z; renew it and sign the"
        + " profile again [signature.expired]\n", run.out());

    Identity a = identity("Signer A", BigInteger.ONE, LONG_AGO, YEAR_2100);
    Path bare = write("no-cert.mobileconfig", signBy(content, List.of(a), List.of(a.certificate()), List.of()));
    CliRun none = CliRun.of("validate", "--quiet", bare.toString());
    assertEquals(1, none.exit());
    assertEquals(bare + ": error: a signer's certificate is not included, so its signature cannot be checked here"
        + " [signature.no-certificate]\n", none.out());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("marker not found");
  }
}
