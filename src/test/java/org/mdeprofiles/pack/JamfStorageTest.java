package org.mdeprofiles.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.XMLPropertyListParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.cli.CliRun;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.validate.ValidationOptions;

/**
 * Every Jamf file of every sample bundle, sent through {@link JamfProModel}: what Jamf serves the
 * Mac parses, validates, and equals what the bundle means, apart from the identity Jamf mints and
 * the values the tool warned it cannot keep.
 */
class JamfStorageTest {
  private static final String MINTED = "0A0A0A0A-0000-4000-8000-000000000001";
  private static final Pattern WARNING =
      Pattern.compile("(?m)^jamf/(\\S+): (\\S+): warning: .*\\[jamf\\.mangled-string\\]$");

  @TempDir static Path temp;
  private static int runs;

  /** A sample's bundle, generated now, with the jamf.mangled-string paths per file. */
  private record Bundle(Path out, Map<String, TreeSet<String>> warned) {}

  private static Bundle generate(Path sample, String... extra) {
    Path out = temp.resolve(sample.getFileName() + "-" + String.join("-", extra) + "-" + (++runs));
    List<String> args = new ArrayList<>(List.of("generate", "--config", sample.resolve("config.yaml").toString(),
        "--out", out.toString()));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    Map<String, TreeSet<String>> warned = new TreeMap<>();
    Matcher m = WARNING.matcher(run.err());
    while (m.find()) {
      warned.computeIfAbsent(m.group(1), f -> new TreeSet<>()).add(m.group(2));
    }
    return new Bundle(out, warned);
  }

  /** The sample with the most in it: onboarding, custom texts, strings Jamf alters. */
  private static final Path CONTOSO = Path.of("samples/contoso");

  private static List<Path> samples() throws Exception {
    try (Stream<Path> list = Files.list(Path.of("samples"))) {
      return list.filter(p -> Files.isRegularFile(p.resolve("config.yaml"))).sorted().toList();
    }
  }

  private static List<Path> files(Path folder, String suffix) throws Exception {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> whatJamfServesIsWhatTheBundleMeans() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path sample : samples()) {
      tests.add(DynamicTest.dynamicTest(sample.getFileName().toString(), () -> checkBundle(generate(sample))));
      tests.add(DynamicTest.dynamicTest(sample.getFileName() + " combined",
          () -> checkBundle(generate(sample, "--profiles", "combined"))));
    }
    return tests.stream();
  }

  private static void checkBundle(Bundle bundle) throws Exception {
    Path jamf = bundle.out().resolve("jamf");
    List<Path> bodies = files(jamf, ".classic.xml");
    assertFalse(bodies.isEmpty());
    for (Path body : bodies) {
      String base = body.getFileName().toString().replace(".classic.xml", "");
      NSDictionary served = JamfProModel.create(Files.readAllBytes(body), MINTED);
      assertEquals(MINTED, ((NSString) served.get("PayloadUUID")).getContent());
      assertNoErrors(body, served);
      Path profile = jamf.resolve(base + ".mobileconfig");
      if (Files.exists(profile)) {
        NSDictionary file = read(profile);
        assertEquals(bundle.warned().getOrDefault(profile.getFileName().toString(), new TreeSet<>()),
            differences(file, served), body + " served differs from " + profile);
        // combined is Jamf's own form (its preferences and Bluetooth go apart); its grants are
        // checked by the requirement comparison below.
        Path plain = bundle.out().resolve("plain").resolve(base + ".mobileconfig");
        if (Files.exists(plain) && !base.equals("combined")) {
          assertEquals(new TreeSet<>(), differences(read(plain), file), profile + " against " + plain);
        }
      } else {
        // The settings of one domain: Jamf's custom settings payload, holding exactly the plist.
        NSDictionary payload = (NSDictionary) ((NSArray) served.get("PayloadContent")).objectAtIndex(0);
        assertEquals("com.apple.ManagedClient.preferences", ((NSString) payload.get("PayloadType")).getContent());
        NSDictionary forced = (NSDictionary) ((NSArray) ((NSDictionary) ((NSDictionary)
            payload.get("PayloadContent")).get(base)).get("Forced")).objectAtIndex(0);
        assertEquals(XMLPropertyListParser.parse(Files.readAllBytes(jamf.resolve(base + ".plist"))),
            forced.get("mcx_preference_settings"), body.toString());
      }
    }
    assertEveryRequirementServedByteExact(bundle, bodies);
  }

  /** Every code requirement of the plain profiles reaches the Mac byte for byte through Jamf. */
  private static void assertEveryRequirementServedByteExact(Bundle bundle, List<Path> bodies) throws Exception {
    TreeSet<String> wanted = new TreeSet<>();
    for (Path plain : files(bundle.out().resolve("plain"), ".mobileconfig")) {
      if (!plain.getFileName().toString().equals("bluetooth.mobileconfig")) {
        requirements(read(plain), wanted, "");
      }
    }
    TreeSet<String> served = new TreeSet<>();
    for (Path body : bodies) {
      requirements(JamfProModel.create(Files.readAllBytes(body), MINTED), served, "");
    }
    // Bluetooth's requirement travels only in the signed profile, outside the Classic API.
    TreeSet<String> bluetooth = new TreeSet<>();
    Path signed = bundle.out().resolve("jamf/bluetooth.mobileconfig");
    if (Files.exists(signed)) {
      requirements(read(signed), bluetooth, "");
    }
    wanted.removeAll(bluetooth);
    assertFalse(wanted.isEmpty());
    wanted.removeAll(served);
    assertEquals(new TreeSet<>(), wanted, "requirements not served byte-exact");
  }

  private static void requirements(NSObject value, TreeSet<String> out, String key) {
    if (value instanceof NSString s && key.endsWith("Requirement")) {
      out.add(s.getContent());
    } else if (value instanceof NSArray a) {
      for (NSObject item : a.getArray()) {
        requirements(item, out, key);
      }
    } else if (value instanceof NSDictionary d) {
      d.forEach((k, v) -> requirements(v, out, k));
    }
  }

  @Test
  void onlyProfilesTheGuideSaysToSignLosePayloadsInAnUnsignedUpload() throws Exception {
    for (Bundle bundle : List.of(generate(CONTOSO), generate(CONTOSO, "--profiles", "combined"))) {
      Path jamf = bundle.out().resolve("jamf");
      String guide = Files.readString(jamf.resolve("UPLOAD.md"));
      for (Path profile : files(jamf, ".mobileconfig")) {
        NSDictionary uploaded = JamfProModel.uploadUnsigned(Files.readAllBytes(profile), MINTED);
        String name = profile.getFileName().toString();
        boolean intact = differences(read(profile), uploaded).isEmpty();
        boolean toSign = guide.contains("Sign `" + name + "` first");
        assertEquals(!toSign, intact, name + " in " + bundle.out());
        if (toSign) {
          assertFalse(Files.exists(jamf.resolve(name.replace(".mobileconfig", ".classic.xml"))),
              "a signed profile cannot pass the Classic API: " + name);
        }
      }
    }
  }

  @Test
  void selfServiceBodiesCarryTheirSelfServiceBlockAndStillStore() throws Exception {
    Bundle bundle = generate(CONTOSO, "--jamf-distribution", "Make Available in Self Service");
    String body = Files.readString(bundle.out().resolve("jamf/sysext.classic.xml"));
    assertTrue(body.contains("\t\t<distribution_method>Make Available in Self Service</distribution_method>\n"), body);
    assertTrue(body.contains("\t<self_service>\n\t\t<self_service_display_name>Microsoft Defender - System"
        + " Extensions</self_service_display_name>\n\t\t<install_button_text>Install</install_button_text>\n"), body);
    checkBundle(bundle);
    assertTrue(Files.readString(bundle.out().resolve("jamf/UPLOAD.md")).contains("fill in the Self Service tab"));
  }

  @Test
  void aPackagedBinaryProfileGoesToJamfAsXmlWithTheSameValues() throws Exception {
    NSDictionary kext = (NSDictionary) XMLPropertyListParser.parse(
        org.mdeprofiles.TestProfiles.defaultKext().getBytes(StandardCharsets.UTF_8));
    Path binary = temp.resolve("binary-kext.mobileconfig");
    Files.write(binary, com.dd.plist.BinaryPropertyListWriter.writeToArray(kext));
    Path out = temp.resolve("binary-out");
    CliRun run = CliRun.of("package", "--mdm", "jamf", "--out", out.toString(), binary.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(binary + ": info: a binary property list; it is packaged as XML, with the same values"
        + " [package.binary-as-xml]\n",
        run.err());
    NSDictionary served = JamfProModel.create(Files.readAllBytes(out.resolve("jamf/binary-kext.classic.xml")), MINTED);
    assertEquals(new TreeSet<>(), differences(kext, served));
    assertEquals(new TreeSet<>(), differences(kext, read(out.resolve("jamf/binary-kext.mobileconfig"))));
  }

  /** The model itself: today's defects, replayed, are what it serves. */
  @Test
  void theModelKeepsOneEntityLayerTooManyInVerbatimPayloads() throws Exception {
    String plist = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><plist version=\"1.0\"><dict>"
        + "<key>PayloadType</key><string>Configuration</string>"
        + "<key>PayloadContent</key><array>"
        + "<dict><key>PayloadType</key><string>com.apple.TCC.configuration-profile-policy</string>"
        + "<key>CodeRequirement</key><string>identifier &quot;a&quot; and x &amp; y</string></dict>"
        + "<dict><key>PayloadType</key><string>com.apple.notificationsettings</string>"
        + "<key>Text</key><string>&quot;a&quot; &amp; b</string></dict>"
        + "</array></dict></plist>";
    String body = "<os_x_configuration_profile><general><name>n</name><payloads><![CDATA["
        + plist.replace("&", "&amp;") + "]]></payloads></general></os_x_configuration_profile>";
    NSDictionary served = JamfProModel.create(body.getBytes(StandardCharsets.UTF_8), MINTED);
    NSObject[] payloads = ((NSArray) served.get("PayloadContent")).getArray();
    assertEquals("identifier &quot;a&quot; and x &amp; y",
        ((NSString) ((NSDictionary) payloads[0]).get("CodeRequirement")).getContent());
    assertEquals("\"a\" & b", ((NSString) ((NSDictionary) payloads[1]).get("Text")).getContent());
    // Sent without the extra escaping, an & makes Jamf refuse the body.
    String raw = "<os_x_configuration_profile><general><name>n</name><payloads><![CDATA["
        + plist + "]]></payloads></general></os_x_configuration_profile>";
    assertThrows(JamfProModel.Refused.class, () -> JamfProModel.create(raw.getBytes(StandardCharsets.UTF_8), MINTED));
  }

  private static void assertNoErrors(Path body, NSDictionary served) throws Exception {
    byte[] xml = served.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), Profiles.validate(body.toString(), xml, ValidationOptions.DEFAULT).findings().stream()
        .filter(f -> f.severity() == Severity.ERROR).toList(), body.toString());
  }

  private static NSDictionary read(Path file) throws Exception {
    return (NSDictionary) XMLPropertyListParser.parse(Files.readAllBytes(file));
  }

  /** The paths where {@code a} and {@code b} differ, the identity Jamf mints left out. */
  static TreeSet<String> differences(NSDictionary a, NSDictionary b) {
    TreeSet<String> out = new TreeSet<>();
    NSDictionary left = (NSDictionary) a.clone();
    NSDictionary right = (NSDictionary) b.clone();
    for (String key : List.of("PayloadUUID", "PayloadIdentifier")) {
      left.remove(key);
      right.remove(key);
    }
    diff(left, right, "", out);
    return out;
  }

  private static void diff(NSObject a, NSObject b, String at, TreeSet<String> out) {
    if (a instanceof NSDictionary da && b instanceof NSDictionary db) {
      TreeSet<String> keys = new TreeSet<>(da.keySet());
      keys.addAll(db.keySet());
      for (String k : keys) {
        diff(da.get(k), db.get(k), at.isEmpty() ? k : at + "." + k, out);
      }
    } else if (a instanceof NSArray aa && b instanceof NSArray ab && aa.count() == ab.count()) {
      for (int i = 0; i < aa.count(); i++) {
        diff(aa.objectAtIndex(i), ab.objectAtIndex(i), at + "[" + i + "]", out);
      }
    } else if (a == null || !a.equals(b)) {
      out.add(at);
    }
  }
}
