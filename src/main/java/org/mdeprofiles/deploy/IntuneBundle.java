package org.mdeprofiles.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.io.JsonReader;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * The Intune folder of a generated bundle, as its manifest lists it (see {@link BundleManifest}):
 * each Graph body is one custom configuration to deploy; the onboarding file goes in by hand, as
 * the folder's guide says.
 */
public record IntuneBundle(List<Item> items, List<Manual> manual, String prefix) {
  /**
   * One custom configuration.
   *
   * @param body the Graph body, as generated
   * @param payload the profile it carries (the decoded {@code payload})
   */
  public record Item(String file, String name, Map<?, ?> body, byte[] payload, String channel) {}

  public IntuneBundle {
    items = List.copyOf(items);
    manual = List.copyOf(manual);
  }

  public static IntuneBundle read(Path dir) throws InputException {
    Map<String, Map<?, ?>> intune = BundleManifest.entries(dir, "intune");
    List<Item> items = new ArrayList<>();
    List<Manual> manual = new ArrayList<>();
    List<String> identifiers = new ArrayList<>();
    for (Map.Entry<String, Map<?, ?>> e : intune.entrySet()) {
      String path = e.getKey();
      if (path.endsWith(".graph.json")) {
        byte[] bytes = BundleManifest.verified(dir, path, e.getValue());
        Item item = item(path, bytes);
        items.add(item);
        String id = profile(path, item.payload()).string("PayloadIdentifier");
        if (id != null) {
          identifiers.add(id);
        }
      } else if (!path.endsWith(".mobileconfig") && !path.endsWith(".md")) {
        BundleManifest.verified(dir, path, e.getValue());
        manual.add(new Manual(path, "the onboarding file: add it in the Intune admin center as the"
            + " folder's UPLOAD.md says (step 2)"));
      }
    }
    return new IntuneBundle(items, manual, BundlePrefix.of(identifiers));
  }

  private static Item item(String path, byte[] bytes) throws InputException {
    Object body;
    try {
      body = JsonReader.parse(InputFiles.text(bytes, path));
    } catch (IllegalArgumentException e) {
      throw new InputException(path, "not a Graph body: " + e.getMessage());
    }
    if (!(body instanceof Map<?, ?> map) || !(map.get("displayName") instanceof String name)
        || !(map.get("payload") instanceof String payload)) {
      throw new InputException(path, "not a Graph body (no displayName or payload)");
    }
    byte[] profile;
    try {
      profile = Base64.getDecoder().decode(payload);
    } catch (IllegalArgumentException e) {
      throw new InputException(path, "its payload is not base64");
    }
    String channel = map.get("deploymentChannel") instanceof String c ? c : "deviceChannel";
    return new Item(path, name, new LinkedHashMap<>(map), profile, channel);
  }

  /** The profile a payload carries. */
  static PlistDict profile(String where, byte[] payload) throws InputException {
    try {
      return PlistReader.read(payload).root().filter(PlistDict.class::isInstance).map(PlistDict.class::cast)
          .orElseThrow(() -> new InputException(where, "its payload is not a profile"));
    } catch (PlistFormatException e) {
      throw new InputException(where, "its payload is not a plist: " + e.getMessage());
    }
  }
}
