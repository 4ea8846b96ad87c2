package org.mdeprofiles.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * The Jamf folder of a generated bundle, as its manifest lists it (see {@link BundleManifest}).
 * Each Classic API body is one profile to deploy; a profile without one
 * (signed, or to be signed) can only be uploaded in the web interface.
 */
public record JamfBundle(List<Item> items, List<Manual> manual, String prefix) {
  /**
   * One profile the Classic API can carry.
   *
   * @param name the profile's name in Jamf (the body's general/name)
   * @param body the Classic API body, as generated
   * @param intended the plist Jamf stores from the body, which a Mac should get
   * @param groups the computer groups the body scopes to
   * @param fields the body's values of {@link #COMPARED_FIELDS}, stripped (empty when absent)
   */
  public record Item(String file, String name, byte[] body, PlistDict intended, List<String> groups,
      Map<String, String> fields, boolean secret) {}

  /** The fields of a profile besides its payloads and scope that a deploy keeps as the bundle says. */
  static final List<String> COMPARED_FIELDS = List.of("general/description", "general/distribution_method",
      "general/redeploy_on_update", "general/category/name");

  public JamfBundle {
    items = List.copyOf(items);
    manual = List.copyOf(manual);
  }

  /** Reads the bundle in {@code dir}. */
  public static JamfBundle read(Path dir) throws InputException {
    Map<String, Map<?, ?>> jamf = BundleManifest.entries(dir, "jamf");
    List<Item> items = new ArrayList<>();
    List<Manual> manual = new ArrayList<>();
    List<String> identifiers = new ArrayList<>();
    for (Map.Entry<String, Map<?, ?>> e : jamf.entrySet()) {
      String path = e.getKey();
      if (path.endsWith(".classic.xml")) {
        byte[] body = BundleManifest.verified(dir, path, e.getValue());
        Item item = item(path, body);
        items.add(item);
        if (item.intended().string("PayloadIdentifier") != null) {
          identifiers.add(item.intended().string("PayloadIdentifier"));
        }
      } else if (path.endsWith(".mobileconfig")
          && !jamf.containsKey(path.substring(0, path.length() - ".mobileconfig".length()) + ".classic.xml")) {
        BundleManifest.verified(dir, path, e.getValue());
        manual.add(new Manual(path, e.getValue().get("signers") instanceof List<?>
            ? "signed: upload it in the web interface (the Classic API cannot carry a signature)"
            : "sign it, then upload it in the web interface (an unsigned upload loses payloads)"));
      }
    }
    return new JamfBundle(items, manual, BundlePrefix.of(identifiers));
  }

  private static Item item(String path, byte[] body) throws InputException {
    ClassicXml xml;
    try {
      xml = ClassicXml.parse(body, path);
    } catch (DeployException e) {
      throw new InputException(path, "not a Classic API body");
    }
    String name = xml.text("general/name").orElseThrow(() -> new InputException(path, "has no general/name"));
    PlistDict intended;
    try {
      intended = PlistReader.read(org.mdeprofiles.pack.JamfClassicBody.payload(body).getBytes(StandardCharsets.UTF_8)).root()
          .filter(PlistDict.class::isInstance).map(PlistDict.class::cast)
          .orElseThrow(() -> new InputException(path, "its payloads are not a profile"));
    } catch (PlistFormatException e) {
      throw new InputException(path, "its payloads are not a plist: " + e.getMessage());
    }
    java.util.LinkedHashMap<String, String> fields = new java.util.LinkedHashMap<>();
    COMPARED_FIELDS.forEach(f -> fields.put(f, xml.text(f).orElse("").strip()));
    boolean secret = path.endsWith(org.mdeprofiles.catalog.Defender.ONBOARDING_DOMAIN + ".classic.xml");
    return new Item(path, name, body, intended, xml.groupNames(), java.util.Collections.unmodifiableMap(fields),
        secret);
  }

  /** The bundle's profile named {@code name}, if any. */
  public Optional<Item> item(String name) {
    return items.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}
