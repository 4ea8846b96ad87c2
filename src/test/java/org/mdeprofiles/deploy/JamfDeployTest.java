package org.mdeprofiles.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.NSDictionary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.cli.CliRun;

/** {@code deploy --to jamf} against the Jamf Pro emulator: plan, apply, update in place, prune, failures. */
class JamfDeployTest {
  private static final String SECRET = "s3cr3t-CANARY-7f2e";
  private static final String PASSWORD = "pw-CANARY-91c4";
  /** The golden bundle's Classic bodies: what deploy creates, in order ({file, name}). */
  private static List<String[]> bodies() {
    return org.mdeprofiles.TestCatalog.goldenClassicBodies();
  }

  private static List<String> names() {
    return bodies().stream().map(b -> b[1]).toList();
  }
  private static final String MANUAL = "manual: jamf/bluetooth.mobileconfig: sign it, then upload it in the web"
      + " interface (an unsigned upload loses payloads)\n";

  @TempDir Path dir;
  private JamfProEmulator jamf;
  private final List<CliRun> runs = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    jamf = new JamfProEmulator("mde-ci", SECRET, "admin", PASSWORD);
    Files.writeString(dir.resolve("secret"), SECRET + "\n");
    Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    generate();
  }

  @AfterEach
  void stop() {
    jamf.close();
    // No secret in any output of any run, whatever it did.
    for (CliRun run : runs) {
      assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), run.out() + run.err());
      assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), run.out() + run.err());
    }
  }

  private void generate(String... options) {
    String[] args = Stream.concat(Stream.of("generate", "--mdm", "jamf", "--out", dir.resolve("b").toString()),
        Stream.of(options)).toArray(String[]::new);
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exit(), run.err());
  }

  private CliRun deploy(String... options) {
    String[] args = Stream.concat(Stream.of("deploy", "--to", "jamf", "--bundle", dir.resolve("b").toString(),
        "--url", jamf.url(), "--client-id", "mde-ci", "--client-secret-file", dir.resolve("secret").toString()),
        Stream.of(options)).toArray(String[]::new);
    CliRun run = CliRun.of(args);
    runs.add(run);
    return run;
  }

  private static String lines(String prefix, List<String> names, String suffix) {
    StringBuilder out = new StringBuilder();
    for (String n : names) {
      out.append(prefix).append(n).append(suffix.replace("ID", "")).append('\n');
    }
    return out.toString();
  }

  private String withIds(String word, List<String> names) {
    StringBuilder out = new StringBuilder();
    Map<String, Integer> ids = jamf.ids();
    for (String n : names) {
      out.append(word).append(": ").append(n).append(" (id ").append(ids.get(n)).append(")\n");
    }
    return out.toString();
  }

  @Test
  void planThenApplyThenPlanAgainHasNothingToDo() {
    List<String> bodyNames = names();
    CliRun plan = deploy("--plan");
    assertEquals(1, plan.exit(), plan.err());
    StringBuilder creates = new StringBuilder();
    assertTrue(bodyNames.containsAll(List.of("Microsoft Defender - System Extensions",
        "Microsoft Defender - Privacy Preferences", "Microsoft Defender - Settings", "Microsoft AutoUpdate")),
        bodyNames.toString());
    for (String[] body : bodies()) {
      creates.append("create: ").append(body[1]).append(": jamf/").append(body[0]).append(".classic.xml\n");
    }
    assertEquals(creates + MANUAL, plan.out());
    assertEquals("deploy: " + bodyNames.size() + " to create, 0 to update, 0 to delete, 0 unchanged; 1 to upload in"
        + " the web interface\n",
        plan.err());
    assertEquals(Map.of(), jamf.ids(), "a plan writes nothing");

    CliRun apply = deploy();
    assertEquals(0, apply.exit(), apply.err());
    assertEquals(withIds("created", bodyNames) + MANUAL, apply.out());
    assertEquals("deploy: " + bodyNames.size() + " created, 0 updated, 0 deleted, 0 unchanged; 1 to upload in the"
        + " web interface\n",
        apply.err());

    CliRun again = deploy("--plan");
    assertEquals(0, again.exit(), again.err());
    assertEquals(withIds("unchanged", bodyNames) + MANUAL, again.out());
    // [basic] The Classic API only ever saw a bearer token.
    assertTrue(jamf.seen().stream().filter(s -> s.path().startsWith("/JSSResource/"))
        .allMatch(s -> s.auth().equals("bearer")), jamf.seen().toString());
  }

  @Test
  void aChangedConfigUpdatesInPlaceKeepingJamfsIdentity() {
    assertEquals(0, deploy().exit());
    String kext = "Microsoft Defender - Kernel Extension (legacy)";
    NSDictionary before = jamf.served(kext).orElseThrow();
    generate("--kext-approval", "team");
    CliRun plan = deploy("--plan");
    assertEquals(1, plan.exit(), plan.err());
    int id = jamf.ids().get(kext);
    assertTrue(plan.out().contains("update: " + kext + " (id " + id + "): PayloadContent[0].AllowedKernelExtensions"
        + " differs\n"), plan.out());
    CliRun apply = deploy();
    assertEquals(0, apply.exit(), apply.err());
    assertTrue(apply.out().contains("updated: " + kext + " (id " + id + ")\n"), apply.out());
    NSDictionary after = jamf.served(kext).orElseThrow();
    // No ghost: the Mac sees the same profile, updated, under the identity Jamf minted on create.
    assertEquals(before.get("PayloadUUID"), after.get("PayloadUUID"));
    assertEquals(before.get("PayloadIdentifier"), after.get("PayloadIdentifier"));
    assertFalse(after.containsKey("AllowedKernelExtensions")
        || ((NSDictionary) ((com.dd.plist.NSArray) after.get("PayloadContent")).objectAtIndex(0))
            .containsKey("AllowedKernelExtensions"));
    assertEquals(0, deploy("--plan").exit());
  }

  @Test
  void pruneDeletesOnlyTheBundlesOwnLeftovers() throws Exception {
    byte[] sysext = Files.readAllBytes(dir.resolve("b/jamf/sysext.classic.xml"));
    String text = new String(sysext, StandardCharsets.UTF_8);
    // A profile an older bundle made (its payloads under the bundle's prefix), and someone else's.
    int old = jamf.upload(text.replace("Microsoft Defender - System Extensions", "Defender - old approvals")
        .getBytes(StandardCharsets.UTF_8));
    int foreign = jamf.upload(text.replace("Microsoft Defender - System Extensions", "Another vendor")
        .replace("com.microsoft.wdav.sysext", "com.example.sysext").getBytes(StandardCharsets.UTF_8));
    CliRun plan = deploy("--plan", "--prune");
    assertEquals(1, plan.exit());
    assertTrue(plan.out().contains("delete: Defender - old approvals (id " + old + "): not in the bundle; its payloads"
        + " are under com.microsoft.wdav\n"), plan.out());
    assertFalse(plan.out().contains("Another vendor"), plan.out());
    CliRun noPrune = deploy("--plan");
    assertFalse(noPrune.out().contains("delete:"), noPrune.out());
    assertEquals(0, deploy("--prune").exit());
    assertFalse(jamf.ids().containsKey("Defender - old approvals"));
    assertEquals(foreign, jamf.ids().get("Another vendor"));
  }

  @Test
  void aFailureHalfwaySaysWhatWasAppliedAndARerunConverges() {
    List<String> bodyNames = names();
    jamf.refuseWritesAfter(3);
    CliRun broken = deploy();
    assertEquals(3, broken.exit());
    StringBuilder notApplied = new StringBuilder();
    for (String n : bodyNames.subList(3, bodyNames.size())) {
      notApplied.append("not applied: create ").append(n).append('\n');
    }
    assertEquals(withIds("created", bodyNames.subList(0, 3)) + notApplied, broken.out());
    assertEquals("mde-profiles: deploy: POST /JSSResource/osxconfigurationprofiles/id/0: Jamf Pro answered 409:"
        + " Conflict Error: Unable to update the database\n", broken.err());
    jamf.refuseWritesAfter(Integer.MAX_VALUE);
    CliRun rerun = deploy();
    assertEquals(0, rerun.exit(), rerun.err());
    assertEquals(withIds("unchanged", bodyNames.subList(0, 3)) + withIds("created", bodyNames.subList(3, bodyNames.size()))
        + MANUAL, rerun.out());
    assertEquals(0, deploy("--plan").exit());
  }

  @Test
  void anExpiredTokenIsRenewedOnceAndBusyAnswersAreRetried() {
    assertEquals(0, deploy().exit());
    int issued = jamf.tokensIssued();
    jamf.failNext(429, 0);
    jamf.failNext(503, 0);
    CliRun plan = deploy("--plan", "--verbose");
    assertEquals(0, plan.exit(), plan.err());
    assertEquals(issued + 1, jamf.tokensIssued());
    List<String> http = plan.err().lines().filter(l -> l.startsWith("http: ")).toList();
    // The token request met the busy answers, then went through; no header, no body in the log.
    assertTrue(http.get(0).matches("http: POST /api/oauth/token 429 \\d+ ms"), http.toString());
    assertTrue(http.get(1).matches("http: POST /api/oauth/token 503 \\d+ ms"), http.toString());
    assertTrue(http.get(2).matches("http: POST /api/oauth/token 200 \\d+ ms"), http.toString());
    jamf.expireTokens();
    CliRun after = deploy("--plan", "--verbose");
    assertEquals(0, after.exit(), after.err());
    List<String> renewed = after.err().lines().filter(l -> l.startsWith("http: ")).limit(4).toList();
    assertTrue(renewed.get(0).matches("http: POST /api/oauth/token 200 \\d+ ms"), renewed.toString());
    assertTrue(renewed.get(1).matches("http: GET /JSSResource/osxconfigurationprofiles 200 \\d+ ms"),
        renewed.toString());
  }

  @Test
  void aTokenThatExpiresMidRunIsRenewedOnce() {
    assertEquals(0, deploy().exit());
    generate("--kext-approval", "team");
    jamf.expireTokens();
    int issued = jamf.tokensIssued();
    assertEquals(0, deploy().exit());
    assertEquals(issued + 1, jamf.tokensIssued());
  }

  @Test
  void aUserAndPasswordLogInThroughABearerToken() {
    CliRun run = CliRun.of("deploy", "--to", "jamf", "--bundle", dir.resolve("b").toString(), "--url", jamf.url(),
        "--user", "admin", "--password-file", dir.resolve("password").toString(), "--plan");
    runs.add(run);
    assertEquals(1, run.exit(), run.err());
    assertTrue(jamf.seen().stream().anyMatch(s -> s.path().equals("/api/v1/auth/token") && s.auth().equals("basic")));
    assertTrue(jamf.seen().stream().filter(s -> s.path().startsWith("/JSSResource/"))
        .allMatch(s -> s.auth().equals("bearer")));
  }

  @Test
  void aWrongSecretIsOneLineWithoutTheSecret() throws Exception {
    Files.writeString(dir.resolve("secret"), "wrong-" + SECRET + "\n");
    CliRun run = deploy("--plan");
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: deploy: Jamf Pro at 127.0.0.1 refused the login of the API client mde-ci (401):"
        + " check the ID and the secret\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void aRedirectToAnotherHostIsRefused() {
    jamf.redirectTo("jamf.evil.example");
    CliRun run = deploy("--plan");
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: deploy: POST /api/oauth/token: the server answered 302 with a redirect to"
        + " jamf.evil.example; redirects are not followed\n", run.err());
  }

  @Test
  void aScopeGroupJamfLacksIsAnErrorBeforeAnyWrite() {
    generate("--jamf-group", "Finance Macs");
    CliRun run = deploy();
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: deploy: the bundle scopes to computer groups Jamf Pro does not have: Finance Macs;"
        + " create them or change --jamf-group, then generate again\n", run.err());
    assertEquals(Map.of(), jamf.ids());
    jamf.addGroup("Finance Macs");
    assertEquals(0, deploy().exit());
    assertEquals(0, deploy("--plan").exit());
  }

  @Test
  void aBundleChangedAfterGenerateIsRefused() throws Exception {
    Path body = dir.resolve("b/jamf/kext.classic.xml");
    Files.writeString(body, Files.readString(body).replace("Newly Assigned", "All"));
    CliRun run = deploy("--plan");
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: " + body + ": differs from the bundle's manifest (changed after generate?);"
        + " generate the bundle again\n", run.err());
  }

  @Test
  void usageErrors() {
    String bundle = dir.resolve("b").toString();
    CliRun plainHttp = CliRun.of("deploy", "--to", "jamf", "--bundle", bundle, "--url", "http://jamf.example.com",
        "--client-id", "x", "--client-secret-file", dir.resolve("secret").toString());
    assertEquals(2, plainHttp.exit());
    assertTrue(plainHttp.err().startsWith("mde-profiles deploy: --url http://jamf.example.com: only https is allowed"
        + " (http only for a loopback address)"), plainHttp.err());
    CliRun both = CliRun.of("deploy", "--to", "jamf", "--bundle", bundle, "--url", jamf.url(), "--client-id", "x",
        "--user", "y");
    assertEquals(2, both.exit());
    CliRun none = CliRun.of("deploy", "--to", "jamf", "--bundle", bundle, "--url", jamf.url());
    assertEquals(2, none.exit());
    assertTrue(none.err().startsWith("mde-profiles deploy: no login: give --client-id"), none.err());
    assertEquals(2, CliRun.of("deploy", "--to", "intune", "--bundle", bundle).exit());
    runs.addAll(List.of(plainHttp, both, none));
  }

  @Test
  void aCustomisedBundleWithOnboardingGoesInAndStaysUnchanged() throws Exception {
    // Contoso's organisation has an ampersand (which Jamf re-encodes in Payload metadata), its own
    // prefix, Defender settings and an onboarding file (a secret), scoped to a group.
    jamf.addGroup("All Managed Macs");
    generate("--config", "samples/contoso/config.yaml", "--jamf-group", "All Managed Macs");
    CliRun apply = deploy();
    assertEquals(0, apply.exit(), apply.err());
    assertTrue(apply.out().contains("created: Microsoft Defender - Onboarding (id "), apply.out());
    CliRun again = deploy("--plan");
    assertEquals(0, again.exit(), again.out());
    assertFalse(again.out().contains("update:") || again.out().contains("create:"), again.out());
    String onboarding = Files.readString(Path.of("samples/contoso/WindowsDefenderATPOnboarding.xml"));
    for (CliRun run : List.of(apply, again)) {
      assertFalse(run.out().contains(onboarding.strip()) || run.err().contains(onboarding.strip()));
    }
  }

  @Test
  void aSignedProfileIsListedForTheWebInterfaceNeverSent() throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    java.security.KeyPair keys = generator.generateKeyPair();
    org.bouncycastle.asn1.x500.X500Name subject = new org.bouncycastle.asn1.x500.X500Name("CN=Profile Signing");
    java.security.cert.X509Certificate certificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
        .getCertificate(new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(subject, java.math.BigInteger.TEN,
            new java.util.Date(0), new java.util.Date(4_102_444_800_000L), subject, keys.getPublic())
            .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                .build(keys.getPrivate())));
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("s", keys.getPrivate(), PASSWORD.toCharArray(), new java.security.cert.Certificate[] {certificate});
    Path p12 = dir.resolve("signing.p12");
    try (var out = Files.newOutputStream(p12)) {
      store.store(out, PASSWORD.toCharArray());
    }
    generate("--sign-identity", p12.toString(), "--sign-password-file", dir.resolve("password").toString());
    CliRun plan = deploy("--plan");
    assertTrue(plan.out().endsWith("manual: jamf/bluetooth.mobileconfig: signed: upload it in the web interface"
        + " (the Classic API cannot carry a signature)\n"), plan.out());
    assertEquals(0, deploy().exit());
    assertFalse(jamf.ids().containsKey("Microsoft Defender - Bluetooth"));
  }

  @Test
  void aBodyJamfCannotStoreIsItsOwnWordsInOneLine() throws Exception {
    JamfApi api = new JamfApi(new HttpApi(jamf.url(), HttpApi.Patience.DEFAULT, java.util.Optional.empty()),
        JamfCredentials.apiClient("mde-ci", SECRET.toCharArray()));
    DeployException e = org.junit.jupiter.api.Assertions.assertThrows(DeployException.class, () -> api.create(
        "<os_x_configuration_profile><general><payloads/></general></os_x_configuration_profile>"
            .getBytes(StandardCharsets.UTF_8)));
    assertEquals("POST /JSSResource/osxconfigurationprofiles/id/0: Jamf Pro answered 409: Conflict Error: Problem with"
        + " field name", e.getMessage());
  }
}
