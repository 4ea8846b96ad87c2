package org.mdeprofiles.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.cli.CliRun;
import org.mdeprofiles.io.SafeYaml;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.validate.ValidationOptions;
import org.w3c.dom.Document;

/** What Jamf Pro and Intune get: API bodies that round-trip, guides that match their folders. */
class PackagingTest {
  @TempDir static Path dir;
  private static Path out;

  @BeforeEach
  void generateOnce() {
    if (out != null) {
      return;
    }
    out = dir.resolve("out");
    CliRun run = CliRun.of("generate", "--org", "R&D <Lab> \"quoted\" 'x'", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
  }

  private static List<Path> files(String folder, String suffix) throws Exception {
    try (Stream<Path> list = Files.list(out.resolve(folder))) {
      return list.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void graphPayloadDecodesToTheExactProfileBytes() throws Exception {
    List<Path> bodies = files("intune", ".graph.json");
    assertEquals(org.mdeprofiles.TestCatalog.goldenCount("intune/", ".graph.json"), bodies.size());
    assertEquals(org.mdeprofiles.TestCatalog.defaultNames().size(), bodies.size());
    for (Path body : bodies) {
      Map<?, ?> json = (Map<?, ?>) SafeYaml.load(Files.readString(body));
      assertEquals("#microsoft.graph.macOSCustomConfiguration", json.get("@odata.type"));
      assertEquals("deviceChannel", json.get("deploymentChannel"));
      Path profile = out.resolve("intune").resolve((String) json.get("payloadFileName"));
      assertArrayEquals(Files.readAllBytes(profile), Base64.getDecoder().decode((String) json.get("payload")),
          body.toString());
    }
    Map<?, ?> settings = (Map<?, ?>) SafeYaml.load(Files.readString(out.resolve("intune/settings.graph.json")));
    assertEquals("com.microsoft.wdav", settings.get("payloadName"));
  }

  @Test
  void classicPayloadsSurviveJamfsExtraDecoding() throws Exception {
    List<Path> bodies = files("jamf", ".classic.xml");
    assertEquals(org.mdeprofiles.TestCatalog.goldenCount("jamf/", ".classic.xml"), bodies.size());
    for (Path body : bodies) {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(Files.readAllBytes(body)));
      String payloads = doc.getElementsByTagName("payloads").item(0).getTextContent();
      String stored = JamfProModel.decodeEntitiesOnce(payloads);
      Path profile = Path.of(body.toString().replace(".classic.xml", ".mobileconfig"));
      if (Files.exists(profile)) {
        assertEquals(Files.readString(profile), stored, body.toString());
      } else {
        // Settings: Jamf's custom settings payload holding exactly the domain's plist.
        Path plist = Path.of(body.toString().replace(".classic.xml", ".plist"));
        String domain = plist.getFileName().toString().replace(".plist", "");
        PlistValue.PlistDict root = (PlistValue.PlistDict)
            PlistReader.read(stored.getBytes(StandardCharsets.UTF_8)).root().orElseThrow();
        PlistValue.PlistDict payload = (PlistValue.PlistDict) ((PlistValue.PlistArray) root.get("PayloadContent")).items().get(0);
        assertEquals("com.apple.ManagedClient.preferences", payload.string("PayloadType"));
        PlistValue.PlistDict forced = (PlistValue.PlistDict) ((PlistValue.PlistArray)
            ((PlistValue.PlistDict) ((PlistValue.PlistDict) payload.get("PayloadContent")).get(domain)).get("Forced"))
            .items().get(0);
        assertEquals(PlistReader.read(Files.readAllBytes(plist)).root().orElseThrow(),
            forced.get("mcx_preference_settings"), body.toString());
        assertEquals(List.of(), Profiles.validate("x", stored.getBytes(StandardCharsets.UTF_8),
            ValidationOptions.DEFAULT).findings());
      }
      assertTrue(PlistReader.read(stored.getBytes(StandardCharsets.UTF_8)).root().isPresent());
      String raw = Files.readString(body);
      assertFalse(raw.contains("&#"), "no numeric character references in " + body);
      assertEquals("computer", doc.getElementsByTagName("level").item(0).getTextContent());
      assertEquals("false", doc.getElementsByTagName("user_removable").item(0).getTextContent());
    }
    assertTrue(Files.readString(out.resolve("jamf/kext.classic.xml")).contains("R&amp;amp;D &amp;lt;Lab&amp;gt;"));
  }

  /** Every form of an escaped quote or apostrophe: Jamf would keep any of them as text. */
  private static final Pattern ESCAPED_QUOTE =
      Pattern.compile("&(quot|apos|#0*3[49]|#x0*2[27]);", Pattern.CASE_INSENSITIVE);

  @Test
  void noWrittenFileEscapesAQuoteInAnyForm() throws Exception {
    List<Path> checked = new java.util.ArrayList<>();
    for (Path root : List.of(out, Path.of("samples/default/expected"), Path.of("samples/contoso/expected"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(p);
          if (p.toString().endsWith(".graph.json")) {
            Matcher m = Pattern.compile("\"payload\": \"([^\"]+)\"").matcher(text);
            assertTrue(m.find(), p.toString());
            text = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
          }
          assertFalse(ESCAPED_QUOTE.matcher(text).find(), p + " escapes a quote");
          checked.add(p);
        }
      }
    }
    assertTrue(checked.size() > 100, "the bundles were walked");
    assertTrue(Files.readString(out.resolve("plain/kext.mobileconfig")).contains("R&amp;D &lt;Lab&gt; \"quoted\" 'x'"));
  }

  @Test
  void noGuideUsesBasicAuthentication() throws Exception {
    for (String folder : List.of("jamf", "intune")) {
      String guide = Files.readString(out.resolve(folder).resolve("UPLOAD.md"));
      assertFalse(Pattern.compile("curl[^\n]* (-u|--user)[ =]|Authorization: Basic|--basic").matcher(guide).find(),
          folder);
      assertTrue(guide.contains("--fail"), folder);
    }
  }

  @Test
  void cdataSplitsItsTerminator() {
    assertEquals("<![CDATA[a]]]]><![CDATA[>b &amp;amp; c]]>", JamfClassicBody.cdata("a]]>b &amp; c"));
  }

  @Test
  void jamfGetsOneTccProfileAndPreferencePlists() throws Exception {
    List<String> names = Files.list(out.resolve("jamf")).map(p -> p.getFileName().toString()).sorted().toList();
    assertTrue(names.contains("privacy.mobileconfig"));
    assertFalse(names.contains("fulldisk.mobileconfig") || names.contains("accessibility.mobileconfig"));
    assertTrue(names.contains("com.microsoft.wdav.plist") && names.contains("com.microsoft.autoupdate2.plist"));
    assertFalse(names.contains("settings.mobileconfig"));
    String privacy = Files.readString(out.resolve("jamf/privacy.mobileconfig"));
    assertEquals(1, privacy.split("com.apple.TCC.configuration-profile-policy", -1).length - 1);
  }

  @Test
  void guidesNameEveryFileTheyShipAndNothingElse() throws Exception {
    for (String folder : List.of("jamf", "intune")) {
      String guide = Files.readString(out.resolve(folder).resolve("UPLOAD.md"));
      TreeSet<String> named = new TreeSet<>();
      Matcher m = Pattern.compile("`([A-Za-z0-9][A-Za-z0-9._-]*\\.(mobileconfig|plist|xml|json|md))`").matcher(guide);
      while (m.find()) {
        named.add(m.group(1));
      }
      named.remove("FILE.classic.xml");
      named.removeIf(n -> n.startsWith("signed-")); // the admin makes it, by signing a file of the folder
      named.remove("FILE.graph.json");
      TreeSet<String> shipped = new TreeSet<>();
      try (Stream<Path> list = Files.list(out.resolve(folder))) {
        list.forEach(p -> shipped.add(p.getFileName().toString()));
      }
      assertEquals(shipped, named, folder);
    }
  }

  @Test
  void manifestGivesEachFileItsMdmAndStep() throws Exception {
    Map<?, ?> manifest = (Map<?, ?>) SafeYaml.load(Files.readString(out.resolve("manifest.json")));
    List<?> files = (List<?>) manifest.get("files");
    // Every golden file but the manifest itself.
    assertEquals(org.mdeprofiles.TestCatalog.goldenFiles().size() - 1, files.size());
    for (Object f : files) {
      Map<?, ?> entry = (Map<?, ?>) f;
      String path = (String) entry.get("path");
      assertEquals(path.substring(0, path.indexOf('/')), entry.get("mdm"));
      assertFalse(((String) entry.get("step")).isBlank());
      assertEquals(64, ((String) entry.get("sha256")).length());
    }
  }

  @Test
  void mangledStringsAreWarnedForJamf() {
    CliRun run = CliRun.of("generate", "--org", "R&D", "--profiles", "kext", "--mdm", "jamf",
        "--out", dir.resolve("mangled").toString());
    assertEquals(0, run.exit());
    assertEquals("jamf/kext.mobileconfig: PayloadContent[0].PayloadOrganization: warning: Jamf Pro stores this"
        + " string changed: it holds & or <, which Jamf keeps escaped once too often in this payload type, so the"
        + " Mac reads entity text; change the value or check the profile after upload [jamf.mangled-string]\n"
        + "bundle: info: no onboarding file, so the bundle does not onboard Macs to your tenant yet; download the"
        + " onboarding package from the Microsoft Defender portal and add it (--onboarding FILE, or onboarding: in"
        + " the config) [bundle.no-onboarding]\n", run.err());
  }
}
