package org.mdeprofiles.deploy;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.cli.CliRun;

/** {@code deploy --to intune} against the Graph emulator. */
class IntuneDeployTest {
  private static final String TENANT = "contoso.onmicrosoft.com";
  private static final String APP = "0b3f6c1e-5d2a-4e8f-9a7b-1c2d3e4f5a6b";
  private static final String SECRET = "graph-CANARY-Q7~x";
  /** The display names of the default bundle's profiles: what Intune lists after a first deploy. */
  private static final List<String> NAMES = org.mdeprofiles.TestCatalog.defaults().stream()
      .map(org.mdeprofiles.catalog.CatalogEntry::displayName).toList();

  @TempDir Path dir;
  private GraphEmulator graph;
  private final List<CliRun> runs = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    graph = new GraphEmulator(TENANT, APP, SECRET);
    Files.writeString(dir.resolve("secret"), SECRET + "\n");
    generate();
  }

  @AfterEach
  void stop() {
    graph.close();
    for (CliRun run : runs) {
      assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), run.out() + run.err());
    }
  }

  private void generate(String... options) {
    CliRun run = CliRun.of(Stream.concat(Stream.of("generate", "--mdm", "intune", "--out", dir.resolve("b").toString()),
        Stream.of(options)).toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
  }

  private CliRun deploy(String... options) {
    CliRun run = CliRun.of(Stream.concat(Stream.of("deploy", "--to", "intune", "--bundle", dir.resolve("b").toString(),
        "--tenant", TENANT, "--client-id", APP, "--graph-url", graph.url(), "--login-url", graph.url()),
        Stream.of(options)).toArray(String[]::new));
    runs.add(run);
    return run;
  }

  private CliRun withSecret(String... options) {
    return deploy(Stream.concat(Stream.of("--client-secret-file", dir.resolve("secret").toString()), Stream.of(options))
        .toArray(String[]::new));
  }

  @Test
  void planApplyAndPlanAgain() {
    CliRun plan = withSecret("--plan");
    assertEquals(1, plan.exit(), plan.err());
    assertEquals(NAMES.size(), plan.out().lines().filter(l -> l.startsWith("create: ")).count(), plan.out());
    assertTrue(plan.out().startsWith("create: Microsoft Defender - System Extensions: intune/sysext.graph.json\n"),
        plan.out());
    CliRun apply = withSecret();
    assertEquals(0, apply.exit(), apply.err());
    assertEquals("deploy: " + NAMES.size() + " created, 0 updated, 0 deleted, 0 unchanged; 0 to upload in the web interface\n",
        apply.err());
    Map<String, String> ids = graph.ids();
    assertEquals(new java.util.TreeSet<>(NAMES), ids.keySet());
    // What Intune holds is the bundle's file, byte for byte.
    Map<String, Object> sysext = graph.configuration("Microsoft Defender - System Extensions");
    assertEquals(Base64.getEncoder().encodeToString(readBytes("b/intune/sysext.mobileconfig")), sysext.get("payload"));
    CliRun again = withSecret("--plan");
    assertEquals(0, again.exit(), again.err());
    assertEquals(NAMES.size(), again.out().lines().filter(l -> l.startsWith("unchanged: ")).count(), again.out());
  }

  private byte[] readBytes(String path) {
    try {
      return Files.readAllBytes(dir.resolve(path));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aChangeUpdatesInPlaceAndGroupsAreAssigned() {
    assertEquals(0, withSecret().exit());
    String id = graph.ids().get("Microsoft Defender - Kernel Extension (legacy)");
    generate("--kext-approval", "team");
    CliRun plan = withSecret("--plan", "--group-id", "11111111-2222-3333-4444-555555555555");
    assertEquals(1, plan.exit());
    assertTrue(plan.out().contains("update: Microsoft Defender - Kernel Extension (legacy) (id " + id
        + "): its payload differs\n"), plan.out());
    assertTrue(plan.out().contains("update: Microsoft Defender - System Extensions (id "
        + graph.ids().get("Microsoft Defender - System Extensions") + "): its assignments differ\n"), plan.out());
    assertEquals(0, withSecret("--group-id", "11111111-2222-3333-4444-555555555555").exit());
    assertEquals(id, graph.ids().get("Microsoft Defender - Kernel Extension (legacy)"), "updated in place");
    assertEquals(List.of("11111111-2222-3333-4444-555555555555"), graph.assignedTo(id));
    assertEquals(0, withSecret("--plan", "--group-id", "11111111-2222-3333-4444-555555555555").exit());
  }

  @Test
  void anotherChannelIsAPlanErrorSayingWhatToDo() {
    assertEquals(0, withSecret().exit());
    generate("--intune-channel", "userChannel", "--profiles", "settings");
    CliRun plan = withSecret("--plan");
    assertEquals(3, plan.exit());
    assertEquals("mde-profiles: deploy: 'Microsoft Defender - Settings' (id " + graph.ids().get("Microsoft Defender -"
        + " Settings") + ") is on"
        + " the deviceChannel in Intune and on the userChannel in the bundle; the channel cannot change after create:"
        + " delete it in Intune (or use --intune-channel deviceChannel in generate), then deploy again\n", plan.err());
  }

  @Test
  void pruneDeletesOnlyTheBundlesOwnAcrossPages() {
    assertEquals(0, withSecret().exit());
    Map<String, Object> old = new java.util.LinkedHashMap<>(graph.configuration("Microsoft Defender - Kernel Extension"
        + " (legacy)"));
    old.remove("id");
    old.put("displayName", "Defender - retired kext");
    graph.add(old);
    Map<String, Object> foreign = new java.util.LinkedHashMap<>(old);
    foreign.put("displayName", "Someone else's");
    foreign.put("payload", Base64.getEncoder().encodeToString(new String(readBytes("b/intune/kext.mobileconfig"),
        java.nio.charset.StandardCharsets.UTF_8).replace("com.microsoft.wdav.kext", "com.example.kext")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    graph.add(foreign);
    CliRun plan = withSecret("--plan", "--prune");
    assertEquals(1, plan.exit());
    assertTrue(plan.out().contains("delete: Defender - retired kext (id " + graph.ids().get("Defender - retired kext")
        + "): not in the bundle; its payloads are under com.microsoft.wdav\n"), plan.out());
    assertFalse(plan.out().contains("Someone else"), plan.out());
    assertEquals(0, withSecret("--prune").exit());
    assertFalse(graph.ids().containsKey("Defender - retired kext"));
    assertTrue(graph.ids().containsKey("Someone else's"));
    // Twelve configurations were listed three to a page: every page was read, all on the same host.
    assertTrue(graph.seen().stream().filter(s -> s.startsWith("GET /beta/deviceManagement/deviceConfigurations"))
        .count() >= 4);
  }

  @Test
  void throttlingAndAnExpiredTokenAreHandled() {
    assertEquals(0, withSecret().exit());
    int issued = graph.tokensIssued();
    graph.failNext(429, 0);
    graph.expireTokens();
    CliRun plan = withSecret("--plan", "--verbose");
    assertEquals(0, plan.exit(), plan.err());
    assertTrue(plan.err().lines().anyMatch(l -> l.matches("http: POST /" + TENANT.replace(".", "\\.")
        + "/oauth2/v2\\.0/token 429 \\d+ ms")), plan.err());
    assertEquals(issued + 1, graph.tokensIssued());
  }

  @Test
  void aWrongSecretIsOneLineWithItsCode() throws Exception {
    Files.writeString(dir.resolve("secret"), "nope-" + SECRET + "\n");
    CliRun run = withSecret("--plan");
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: deploy: Microsoft identity refused the login of the app " + APP + " in tenant " + TENANT
        + " (401, AADSTS7000215): check the tenant, the client ID and the secret or certificate\n", run.err());
  }

  @Test
  void aCertificateLogsInWithASignedAssertion() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=mde-profiles deploy");
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
        subject, BigInteger.ONE, new Date(0), new Date(4_102_444_800_000L), subject, keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("app", keys.getPrivate(), "p12-CANARY".toCharArray(), new Certificate[] {certificate});
    Path p12 = dir.resolve("app.p12");
    try (var out = Files.newOutputStream(p12)) {
      store.store(out, "p12-CANARY".toCharArray());
    }
    Files.writeString(dir.resolve("p12pass"), "p12-CANARY\n");
    graph.trust(keys.getPublic());
    CliRun run = deploy("--client-certificate", p12.toString(), "--certificate-password-file",
        dir.resolve("p12pass").toString(), "--plan");
    assertEquals(1, run.exit(), run.err());
    assertFalse(run.out().contains("p12-CANARY") || run.err().contains("p12-CANARY"));
    graph.trust(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic());
    assertEquals(3, deploy("--client-certificate", p12.toString(), "--certificate-password-file",
        dir.resolve("p12pass").toString(), "--plan").exit(), "another app's certificate is refused");
  }
}
