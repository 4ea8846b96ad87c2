package org.mdeprofiles.pack;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.XMLPropertyListParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What Jamf Pro stores from a configuration profile and serves to a Mac, as its documented
 * behaviour says. No Jamf server runs here, so this is the consumer our Jamf files are tested
 * against. It is written from the sources named at each rule, not from our own code: it parses
 * with dd-plist and the JDK's XML parser, never with the project's reader.
 *
 * <p>Sources: [cli] Jamf's jamf-cli project, docs/solutions/conventions/
 * classic-profile-payload-ampersand-escaping-2026-07-30.md, newest version (the server model
 * verified against live Jamf Pro 11.x tenants, clauses 1 to 4; Jamf bugs PI-827, PI-777, PI-690);
 * [tf] terraform-provider-jamfpro issue #579 (quotes stored as {@code &#34;}); [ghost] jamf-cli
 * issue #129 and pull request #130, terraform-provider-jamfplatform pull request #154 (identity
 * replaced on create, kept as sent on update); [ms] Microsoft Learn, "Set up Microsoft Defender
 * for Endpoint on macOS policies in Jamf Pro", step Bluetooth (an unsigned upload loses the
 * payload Jamf does not support; the Bluetooth profile has to be signed), and the same guide's
 * onboarding step (the onboarding preferences go in through Application &amp; Custom Settings).
 */
public final class JamfProModel {
  /** Jamf refused the body: the Classic API answers 409 "Unable to update the database". */
  public static final class Refused extends Exception {
    Refused(String why) {
      super(why);
    }
  }

  /** Payload types whose fragments Jamf re-renders from one more decoding [cli, clause 2]. */
  private static final Set<String> RE_RENDERED =
      Set.of("com.apple.ManagedClient.preferences", "com.apple.notificationsettings");

  /** TCC services Jamf's unsigned upload does not keep [ms]. */
  private static final Set<String> UNKEPT_TCC_SERVICES = Set.of("BluetoothAlways");

  private static final String TCC = "com.apple.TCC.configuration-profile-policy";

  private JamfProModel() {}

  /** What a Mac gets after a Classic API create (POST .../id/0) of {@code body}. */
  public static NSDictionary create(byte[] body, String mintedUuid) throws Refused {
    NSDictionary stored = store(body);
    // [ghost] Jamf mints the top-level identity on create; nested identities survive.
    stored.put("PayloadUUID", mintedUuid);
    stored.put("PayloadIdentifier", mintedUuid);
    return stored;
  }

  /** What a Mac gets after a Classic API update (PUT .../id/N): the identity sent is kept [ghost]. */
  public static NSDictionary update(byte[] body) throws Refused {
    return store(body);
  }

  /** What a Mac gets after an unsigned upload of {@code mobileconfig} in the web interface. */
  static NSDictionary uploadUnsigned(byte[] mobileconfig, String mintedUuid) throws Refused {
    NSDictionary root = parse(new String(mobileconfig, StandardCharsets.UTF_8));
    dropUnkept(root);
    root.put("PayloadUUID", mintedUuid);
    root.put("PayloadIdentifier", mintedUuid);
    return root;
  }

  private static NSDictionary store(byte[] body) throws Refused {
    Document doc = parseXml(body);
    // The XML parser has already removed CDATA markers and decoded text-form entities once.
    String payloads = text(doc, "payloads");
    // [cli, clause 1] One decoding more than XML says; a plist that does not survive it is refused.
    NSDictionary decoded = parse(decodeEntitiesOnce(payloads));
    // [cli, clause 2] Every payload type but the re-rendered ones is stored verbatim: as if that
    // extra decoding had not happened, so one entity layer too many reaches the Mac.
    NSDictionary verbatim = parse(payloads);
    NSDictionary served = new NSDictionary();
    for (String key : decoded.allKeys()) {
      if (!key.equals("PayloadContent")) {
        // [cli, clause 4] Outside PayloadContent, LF and tab are deleted.
        served.put(key, clean(decoded.get(key), true, false));
      }
    }
    NSObject[] decodedPayloads = ((NSArray) decoded.get("PayloadContent")).getArray();
    NSObject[] verbatimPayloads = ((NSArray) verbatim.get("PayloadContent")).getArray();
    NSObject[] out = new NSObject[decodedPayloads.length];
    for (int i = 0; i < out.length; i++) {
      String type = ((NSDictionary) decodedPayloads[i]).get("PayloadType").toJavaObject().toString();
      boolean reRendered = RE_RENDERED.contains(type);
      out[i] = reRendered
          ? clean(decodedPayloads[i], false, type.equals("com.apple.ManagedClient.preferences"))
          : clean(verbatimPayloads[i], true, false);
    }
    served.put("PayloadContent", new NSArray(out));
    // [ghost, pr #154] The top-level display name is the profile's name in Jamf.
    served.put("PayloadDisplayName", text(doc, "name"));
    dropUnkept(served);
    return served;
  }

  /** [ms] An unsigned profile loses what Jamf does not model: unkept TCC services, foreign payloads. */
  private static void dropUnkept(NSDictionary root) {
    if (!(root.get("PayloadContent") instanceof NSArray array)) {
      return;
    }
    List<NSObject> kept = new ArrayList<>();
    for (NSObject item : array.getArray()) {
      NSDictionary payload = (NSDictionary) item;
      String type = payload.get("PayloadType").toJavaObject().toString();
      if (!type.startsWith("com.apple.")) {
        continue; // a third-party preference payload outside custom settings
      }
      if (type.equals(TCC) && payload.get("Services") instanceof NSDictionary services) {
        UNKEPT_TCC_SERVICES.forEach(services::remove);
      }
      kept.add(payload);
    }
    root.put("PayloadContent", new NSArray(kept.toArray(new NSObject[0])));
  }

  /**
   * The string edits Jamf makes on ingest: leading and trailing whitespace trimmed everywhere
   * [cli, clause 3]; in verbatim slots LF and tab deleted and a character outside the BMP turned
   * into two U+FFFD; in custom settings such a character drops the whole settings dictionary
   * [cli, clause 4].
   */
  private static NSObject clean(NSObject value, boolean verbatimSlot, boolean customSettings) {
    if (value instanceof NSString s) {
      String text = s.getContent();
      if (verbatimSlot) {
        text = text.replace("\n", "").replace("\t", "");
        text = text.codePoints().mapToObj(c -> Character.isBmpCodePoint(c) ? Character.toString(c) : "\uFFFD\uFFFD")
            .reduce("", String::concat);
      }
      return new NSString(text.strip());
    }
    if (value instanceof NSArray a) {
      NSObject[] items = a.getArray();
      NSObject[] out = new NSObject[items.length];
      for (int i = 0; i < items.length; i++) {
        out[i] = clean(items[i], verbatimSlot, customSettings);
      }
      return new NSArray(out);
    }
    if (value instanceof NSDictionary d) {
      NSDictionary out = new NSDictionary();
      for (Map.Entry<String, NSObject> e : d.entrySet()) {
        if (customSettings && e.getKey().equals("mcx_preference_settings") && hasNonBmp(e.getValue())) {
          continue;
        }
        out.put(e.getKey(), clean(e.getValue(), verbatimSlot, customSettings));
      }
      return out;
    }
    return value;
  }

  private static boolean hasNonBmp(NSObject value) {
    if (value instanceof NSString s) {
      return s.getContent().codePoints().anyMatch(c -> !Character.isBmpCodePoint(c));
    }
    if (value instanceof NSArray a) {
      return Arrays.stream(a.getArray()).anyMatch(JamfProModel::hasNonBmp);
    }
    if (value instanceof NSDictionary d) {
      return d.keySet().stream().anyMatch(k -> k.codePoints().anyMatch(c -> !Character.isBmpCodePoint(c)))
          || d.values().stream().anyMatch(JamfProModel::hasNonBmp);
    }
    return false;
  }

  private static NSDictionary parse(String plist) throws Refused {
    try {
      if (XMLPropertyListParser.parse(plist.getBytes(StandardCharsets.UTF_8)) instanceof NSDictionary d) {
        return d;
      }
      throw new Refused("the payloads are not a profile");
    } catch (Refused e) {
      throw e;
    } catch (Exception e) {
      throw new Refused("the payloads do not parse after Jamf's extra decoding: " + e.getMessage());
    }
  }

  private static Document parseXml(byte[] body) throws Refused {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw new Refused("the body is not XML: " + e.getMessage());
    }
  }

  private static String text(Document doc, String element) throws Refused {
    NodeList nodes = doc.getElementsByTagName(element);
    if (nodes.getLength() == 0) {
      throw new Refused("the body has no <" + element + ">");
    }
    return nodes.item(0).getTextContent();
  }

  /** The extra decoding: every entity and character reference, once. */
  static String decodeEntitiesOnce(String text) {
    Matcher m = Pattern.compile("&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);").matcher(text);
    Map<String, String> named = new LinkedHashMap<>();
    named.put("amp", "&");
    named.put("lt", "<");
    named.put("gt", ">");
    named.put("quot", "\"");
    named.put("apos", "'");
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String replacement = named.containsKey(e) ? named.get(e) : new String(Character.toChars(
          e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
