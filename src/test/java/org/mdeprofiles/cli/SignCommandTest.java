package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.TestProfiles;

/** sign: deterministic CMS signatures that OpenSSL and our own validate accept, and every refusal in one line. */
class SignCommandTest {
  private static final String PASSWORD = "correct horse 9f2c";

  @TempDir Path dir;
  private Path identity;
  private Path passwordFile;
  private Path profile;

  private Path identity(String name, Date from, Date to) throws Exception {
    return identity(name, from, to, "RSA");
  }

  private Path identity(String name, Date from, Date to, String algorithm) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    generator.initialize(algorithm.equals("EC") ? 256 : 2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=Contoso Profile Signing,O=Contoso");
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
        new JcaX509v3CertificateBuilder(subject, BigInteger.TEN, from, to, subject, keys.getPublic())
            .build(new JcaContentSignerBuilder(algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                .build(keys.getPrivate())));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("signing", keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate});
    Path file = dir.resolve(name);
    try (var out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD.toCharArray());
    }
    return file;
  }

  @BeforeEach
  void fixtures() throws Exception {
    identity = identity("signing.p12", new Date(0), new Date(4_102_444_800_000L));
    passwordFile = dir.resolve("password.txt");
    Files.writeString(passwordFile, PASSWORD + "\n");
    profile = dir.resolve("kext.mobileconfig");
    Files.writeString(profile, TestProfiles.defaultKext());
  }

  private CliRun sign(String... extra) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("sign", "--identity",
        identity.toString(), "--password-file", passwordFile.toString()));
    args.addAll(java.util.List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void signsDeterministicallyAndBothOpensslAndValidateAccept() throws Exception {
    Path one = dir.resolve("one.mobileconfig");
    Path two = dir.resolve("two.mobileconfig");
    CliRun run = sign("-o", one.toString(), profile.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(one + "\n", run.out());
    assertEquals(identity + ": info: the certificate of CN=Contoso Profile Signing,O=Contoso is self-signed; macOS"
        + " shows the profile as unverified unless the certificate is trusted on the Mac\n", run.err());
    assertEquals(0, sign("-o", two.toString(), profile.toString()).exit());
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two), "same profile, same key: same bytes");
    assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD));

    CliRun validate = CliRun.of("validate", one.toString());
    assertEquals(0, validate.exit(), validate.out());
    assertTrue(validate.out().startsWith(one + ": info: signed by CN=Contoso Profile Signing,O=Contoso; the signature"
        + " verifies"), validate.out());

    Path content = dir.resolve("content.xml");
    Process p;
    try {
      p = new ProcessBuilder("openssl", "cms", "-verify", "-noverify", "-inform", "DER", "-in", one.toString(),
          "-out", content.toString()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("skipped: openssl is not on the PATH");
      return;
    }
    String said = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), said);
    assertArrayEquals(Files.readAllBytes(profile), Files.readAllBytes(content), "the profile inside, byte for byte");
  }

  @Test
  void refusalsAreOneLine() throws Exception {
    Files.writeString(passwordFile, "wrong\n");
    CliRun wrong = sign("-o", dir.resolve("x.mobileconfig").toString(), profile.toString());
    assertEquals(3, wrong.exit());
    assertTrue(wrong.err().startsWith("mde-profiles: " + identity + ": wrong password"), wrong.err());
    Files.writeString(passwordFile, PASSWORD + "\n");

    Path expired = identity("expired.p12", new Date(0), new Date(1_000_000_000_000L));
    CliRun old = CliRun.of("sign", "--identity", expired.toString(), "--password-file", passwordFile.toString(), "-o",
        dir.resolve("y.mobileconfig").toString(), profile.toString());
    assertEquals(3, old.exit());
    assertEquals("mde-profiles: " + expired + ": the certificate of CN=Contoso Profile Signing,O=Contoso expired on"
        + " 2001-09-09T01:46:40Z\n", old.err());

    Path signed = dir.resolve("signed.mobileconfig");
    assertEquals(0, sign("-o", signed.toString(), profile.toString()).exit());
    CliRun again = sign("-o", dir.resolve("z.mobileconfig").toString(), signed.toString());
    assertEquals(3, again.exit());
    assertTrue(again.err().endsWith("mde-profiles: " + signed + ": is signed already (use --resign to replace its"
        + " signature)\n"), again.err());
    CliRun resign = sign("--resign", "-o", dir.resolve("z.mobileconfig").toString(), signed.toString());
    assertEquals(0, resign.exit(), resign.err());
    assertTrue(resign.err().contains(signed + ": info: was signed by CN=Contoso Profile Signing,O=Contoso"
        + " (verified); that signature is replaced [sign.replaced]\n"), resign.err());
    assertEquals(3, sign("-o", dir.resolve("z.mobileconfig").toString(), profile.toString()).exit(),
        "an existing file is not replaced without --force");

    Path bad = dir.resolve("bad.mobileconfig");
    Files.writeString(bad, TestProfiles.defaultKext().replace("<key>AllowUserOverrides</key>\n\t\t\t<false/>",
        "<key>AllowUserOverrides</key>\n\t\t\t<integer>0</integer>"));
    CliRun invalid = sign("--out", dir.resolve("out").toString(), bad.toString());
    assertEquals(1, invalid.exit());
    assertTrue(invalid.err().endsWith("mde-profiles: refusing to sign invalid profiles (use --allow-invalid to sign"
        + " them anyway); nothing was written\n"), invalid.err());
    assertFalse(Files.exists(dir.resolve("out")));
    assertEquals(2, sign(profile.toString()).exit(), "--out or -o is needed");
  }

  @Test
  void aPemIdentityEncryptedOrNotSigns() throws Exception {
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    Process p;
    try {
      p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-passout", "pass:" + PASSWORD,
          "-subj", "/CN=PEM Signer", "-keyout", key.toString(), "-out", cert.toString(), "-days", "3650")
          .redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("skipped: openssl is not on the PATH");
      return;
    }
    p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor());
    Path pem = dir.resolve("identity.pem");
    Files.writeString(pem, Files.readString(cert) + Files.readString(key));
    Path out = dir.resolve("pem-signed.mobileconfig");
    CliRun run = CliRun.of("sign", "--identity", pem.toString(), "--password-file", passwordFile.toString(), "-o",
        out.toString(), profile.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(CliRun.of("validate", out.toString()).out().startsWith(out + ": info: signed by CN=PEM Signer;"));
  }

  @Test
  void generateSignsWhatJamfWouldAlterAndNothingElse() throws Exception {
    Path out = dir.resolve("bundle");
    String[] args = {"generate", "--sign-identity", identity.toString(), "--sign-password-file",
        passwordFile.toString(), "--out", out.toString()};
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exit(), run.err());
    assertFalse(run.err().contains("jamf.needs-signing"), run.err());
    byte[] signed = Files.readAllBytes(out.resolve("jamf/bluetooth.mobileconfig"));
    assertTrue(org.mdeprofiles.cms.SignedProfile.looksSigned(signed));
    assertArrayEquals(Files.readAllBytes(out.resolve("plain/bluetooth.mobileconfig")),
        org.mdeprofiles.cms.SignedProfile.unwrap(signed).content(), "the plain profile, signed");
    assertFalse(org.mdeprofiles.cms.SignedProfile.looksSigned(Files.readAllBytes(out.resolve("jamf/sysext.mobileconfig"))));
    assertTrue(Files.readString(out.resolve("jamf/UPLOAD.md")).contains("`bluetooth.mobileconfig`, signed, for the web"
        + " interface (no Classic API body: a signature cannot pass it)"));
    assertEquals(0, CliRun.of(args).exit());
    assertArrayEquals(signed, Files.readAllBytes(out.resolve("jamf/bluetooth.mobileconfig")), "deterministic");
    CliRun validate = CliRun.of("validate", "--quiet", out.toString());
    assertEquals(0, validate.exit(), validate.out());
    // The manifest says who signed it, and with which certificate.
    for (Object f : (java.util.List<?>) ((java.util.Map<?, ?>) org.mdeprofiles.io.SafeYaml.load(
        Files.readString(out.resolve("manifest.json")))).get("files")) {
      java.util.Map<?, ?> entry = (java.util.Map<?, ?>) f;
      if (entry.get("path").equals("jamf/bluetooth.mobileconfig")) {
        java.util.Map<?, ?> signer = (java.util.Map<?, ?>) ((java.util.List<?>) entry.get("signers")).get(0);
        assertEquals("CN=Contoso Profile Signing,O=Contoso", signer.get("subject"));
        assertTrue(((String) signer.get("certificateSha256")).matches("[0-9a-f]{64}"), signer.toString());
      } else {
        assertFalse(entry.containsKey("signers"), entry.toString());
      }
    }
  }

  @Test
  void anEcIdentitySignsDeterministicallyAndOpensslAgrees() throws Exception {
    Path ec = identity("ec.p12", new Date(0), new Date(4_102_444_800_000L), "EC");
    Path one = dir.resolve("ec-one.mobileconfig");
    Path two = dir.resolve("ec-two.mobileconfig");
    for (Path out : java.util.List.of(one, two)) {
      CliRun run = CliRun.of("sign", "--identity", ec.toString(), "--password-file", passwordFile.toString(), "-o",
          out.toString(), profile.toString());
      assertEquals(0, run.exit(), run.err());
    }
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two), "RFC 6979: same profile, same key, same bytes");
    assertTrue(CliRun.of("validate", one.toString()).out().startsWith(one + ": info: signed by CN=Contoso Profile"
        + " Signing,O=Contoso; the signature verifies"));
    Process p;
    try {
      p = new ProcessBuilder("openssl", "cms", "-verify", "-noverify", "-inform", "DER", "-in", one.toString(),
          "-out", dir.resolve("ec-content").toString()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("skipped: openssl is not on the PATH");
      return;
    }
    String said = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), said);
    assertArrayEquals(Files.readAllBytes(profile), Files.readAllBytes(dir.resolve("ec-content")));
  }

  @Test
  void signPlainSignsEveryPlainProfileAndTheConfigCanSaySo() throws Exception {
    Path out = dir.resolve("bundle");
    CliRun run = CliRun.of("generate", "--mdm", "plain", "--sign-identity", identity.toString(), "--sign-password-file",
        passwordFile.toString(), "--sign", "plain", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    Path unsignedDir = dir.resolve("unsigned");
    assertEquals(0, CliRun.of("generate", "--mdm", "plain", "--out", unsignedDir.toString()).exit());
    try (var files = Files.list(out.resolve("plain"))) {
      for (Path f : files.toList()) {
        byte[] signed = Files.readAllBytes(f);
        assertTrue(org.mdeprofiles.cms.SignedProfile.looksSigned(signed), f.toString());
        assertArrayEquals(Files.readAllBytes(unsignedDir.resolve("plain").resolve(f.getFileName())),
            org.mdeprofiles.cms.SignedProfile.unwrap(signed).content(), f + ": the plain profile, signed");
      }
    }
    // The same from the config: the identity relative to it, the password from a file it names.
    Path config = dir.resolve("signing.yaml");
    Files.writeString(config, "mdm: [plain]\nsigning:\n  identity: " + identity.getFileName() + "\n  passwordFile: "
        + passwordFile.getFileName() + "\n  sign: [plain]\n");
    Path fromConfig = dir.resolve("from-config");
    CliRun configured = CliRun.of("generate", "--config", config.toString(), "--out", fromConfig.toString());
    assertEquals(0, configured.exit(), configured.err());
    assertArrayEquals(Files.readAllBytes(out.resolve("plain/sysext.mobileconfig")),
        Files.readAllBytes(fromConfig.resolve("plain/sysext.mobileconfig")), "deterministic, either way");
    CliRun noIdentity = CliRun.of("generate", "--sign", "plain", "--out", dir.resolve("x").toString());
    assertEquals(2, noIdentity.exit());
    assertEquals("mde-profiles generate: --sign needs an identity: give --sign-identity FILE, or identity: in the"
        + " config's signing: section (see mde-profiles help generate)\n", noIdentity.err());
    CliRun intune = CliRun.of("generate", "--sign-identity", identity.toString(), "--sign-password-file",
        passwordFile.toString(), "--sign", "intune", "--out", dir.resolve("y").toString());
    assertEquals(2, intune.exit());
    assertTrue(intune.err().contains("--sign: 'intune' is not one of: plain, jamf (Intune: no source says it takes a"
        + " signed custom profile, so nothing is signed for it)"), intune.err());
  }
}
