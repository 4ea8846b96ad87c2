package org.mdeprofiles.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.plist.PlistDocument;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.validate.ProfileValidator;
import org.mdeprofiles.validate.ValidationOptions;

/**
 * A profile to package, generated or not: its file name, exact bytes, and what its parsed
 * plist says about it.
 *
 * @param name base name of the file, without {@code .mobileconfig}
 */
public record ProfileFile(String name, byte[] bytes, PlistDict root) {
  public ProfileFile {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(root, "root == null");
    bytes = bytes.clone();
  }

  /** A profile file and the findings of reading and validating it. */
  public record Checked(ProfileFile file, List<Finding> findings) {
    public Checked {
      Objects.requireNonNull(file, "file == null");
      findings = List.copyOf(findings);
    }
  }

  /** A property list whose findings (an integer beyond 64 bits, say) leave no value to package. */
  public static final class Unreadable extends Exception {
    private final transient List<Finding> findings;

    Unreadable(List<Finding> findings) {
      super(findings.get(0).path() + ": " + findings.get(0).message());
      this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
      return findings;
    }
  }

  /**
   * Parses {@code bytes} once and validates them; they must be an unsigned profile (a dictionary
   * at the root).
   */
  public static Checked read(String name, byte[] bytes, ValidationOptions options)
      throws PlistFormatException, Unreadable {
    PlistDocument document = PlistReader.read(bytes);
    List<Finding> findings = ProfileValidator.check(document, options);
    if (document.root().isEmpty() && !findings.isEmpty()) {
      throw new Unreadable(findings);
    }
    if (!(document.root().orElse(null) instanceof PlistDict root)) {
      throw new PlistFormatException("not a configuration profile (no dictionary at its root)");
    }
    return new Checked(new ProfileFile(name, bytes, root), findings);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public String fileName() {
    return name + ".mobileconfig";
  }

  public String identifier() {
    return text("PayloadIdentifier", name);
  }

  public String uuid() {
    return text("PayloadUUID", "");
  }

  public String displayName() {
    return text("PayloadDisplayName", name);
  }

  public String description() {
    return text("PayloadDescription", "");
  }

  private String text(String key, String fallback) {
    String value = root.string(key);
    return value == null ? fallback : value;
  }

  public List<PlistDict> payloads() {
    List<PlistDict> out = new ArrayList<>();
    if (root.get("PayloadContent") instanceof PlistArray array) {
      for (PlistValue item : array.items()) {
        if (item instanceof PlistDict dict) {
          out.add(dict);
        }
      }
    }
    return out;
  }

  /** True when a privacy (TCC) payload of this profile names the TCC service {@code service}. */
  public boolean grants(String service) {
    return payloads().stream().anyMatch(p -> "com.apple.TCC.configuration-profile-policy".equals(p.string("PayloadType"))
        && p.get("Services") instanceof PlistDict services && services.get(service) != null);
  }

  public List<String> payloadTypes() {
    return payloads().stream().map(p -> p.string("PayloadType")).filter(Objects::nonNull).toList();
  }

  /**
   * True when every payload is an app's preference domain (its type is not an Apple payload
   * type), as the settings, AutoUpdate and onboarding profiles are.
   */
  public boolean preferencesOnly() {
    List<String> types = payloadTypes();
    return !types.isEmpty() && types.stream().noneMatch(ProfileFile::isApplePayload);
  }

  static boolean isApplePayload(String type) {
    return type.startsWith("com.apple.");
  }
}
