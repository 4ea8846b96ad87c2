package org.mdeprofiles.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mdeprofiles.cms.SignatureFormatException;
import org.mdeprofiles.cms.SignedProfile;
import org.mdeprofiles.digest.Sha256;
import org.mdeprofiles.pack.BundleFile;
import org.mdeprofiles.pack.ProfileFile;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.io.ByContent;
import org.mdeprofiles.io.Json;
import org.mdeprofiles.io.JsonReader;

/**
 * The bundle's {@code manifest.json}: every file the tool wrote, its sha256, MDM, step, whether it
 * is a secret (the onboarding file and what carries it), and the identifiers and UUIDs of the
 * profile it carries. It also tells a later run which files it may
 * replace.
 */
public final class Manifest {
  public static final String FILE_NAME = "manifest.json";
  public static final String FORMAT = "mde-profiles-manifest/1";

  private Manifest() {}

  public static byte[] render(List<BundleFile> files) {
    List<Object> entries = new ArrayList<>();
    // Each distinct content hashed once: the same profile lands in several targets' folders.
    ByContent<String> sums = new ByContent<>();
    for (BundleFile f : files) {
      byte[] bytes = f.bytes(); // a copy each call: taken once
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", f.path());
      entry.put("sha256", sums.get(bytes, Sha256::hex));
      entry.put("bytes", bytes.length);
      entry.put("mdm", f.mdm());
      entry.put("step", f.step());
      if (f.secret()) {
        entry.put("secret", true); // written readable by its owner only; never to be shared
      }
      f.profile().ifPresent(p -> entry.put("profile", profile(p)));
      signers(bytes).ifPresent(s -> entry.put("signers", s));
      entries.add(entry);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("files", entries);
    return Json.write(root).getBytes(StandardCharsets.UTF_8);
  }

  /** For a signed file: each signer's subject and certificate SHA-256. */
  private static Optional<List<Object>> signers(byte[] bytes) {
    if (!SignedProfile.looksSigned(bytes)) {
      return Optional.empty();
    }
    try {
      List<Object> out = new ArrayList<>();
      for (SignedProfile.Signer s : SignedProfile.unwrap(bytes).signers()) {
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("subject", s.subject());
        signer.put("certificateSha256", s.certificateSha256().orElse(null));
        out.add(signer);
      }
      return Optional.of(out);
    } catch (SignatureFormatException e) {
      return Optional.empty();
    }
  }

  private static Map<String, Object> profile(ProfileFile p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.name());
    out.put("identifier", p.identifier());
    out.put("uuid", p.uuid());
    List<Object> payloads = new ArrayList<>();
    for (PlistValue.PlistDict payload : p.payloads()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("type", payload.string("PayloadType"));
      entry.put("identifier", payload.string("PayloadIdentifier"));
      entry.put("uuid", payload.string("PayloadUUID"));
      payloads.add(entry);
    }
    out.put("payloads", payloads);
    return out;
  }

  /** The file entries of a manifest this tool wrote, or empty when {@code text} is not one. */
  public static Optional<List<Map<?, ?>>> entries(String text) {
    Object root;
    try {
      root = JsonReader.parse(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!(root instanceof Map<?, ?> map) || !FORMAT.equals(map.get("format"))
        || !(map.get("files") instanceof List<?> files)) {
      return Optional.empty();
    }
    List<Map<?, ?>> out = new ArrayList<>();
    files.stream().filter(Map.class::isInstance).forEach(f -> out.add((Map<?, ?>) f));
    return Optional.of(out);
  }

  /** A profile a manifest lists: its catalog name, its identifier and its payloads' identifiers. */
  public record Listed(String name, String identifier, List<String> payloadIdentifiers) {
    public Listed {
      payloadIdentifiers = List.copyOf(payloadIdentifiers);
    }
  }

  /**
   * The profiles a manifest lists for target {@code mdm}, or empty when {@code text} is not a
   * manifest this tool wrote.
   */
  public static Optional<List<Listed>> profiles(String text, String mdm) {
    Optional<List<Map<?, ?>>> files = entries(text);
    if (files.isEmpty()) {
      return Optional.empty();
    }
    List<Listed> out = new ArrayList<>();
    for (Map<?, ?> entry : files.get()) {
      if (mdm.equals(entry.get("mdm")) && entry.get("profile") instanceof Map<?, ?> p
          && p.get("name") instanceof String name && p.get("identifier") instanceof String id) {
        List<String> payloads = new ArrayList<>();
        if (p.get("payloads") instanceof List<?> list) {
          for (Object o : list) {
            if (o instanceof Map<?, ?> payload && payload.get("identifier") instanceof String pid) {
              payloads.add(pid);
            }
          }
        }
        out.add(new Listed(name, id, payloads));
      }
    }
    return Optional.of(out);
  }

  /**
   * The paths a previous manifest lists, or empty when {@code text} is not a manifest this tool
   * wrote.
   */
  static Optional<Set<String>> paths(String text) {
    Optional<List<Map<?, ?>>> files = entries(text);
    if (files.isEmpty()) {
      return Optional.empty();
    }
    Set<String> paths = new LinkedHashSet<>();
    for (Map<?, ?> entry : files.get()) {
      if (entry.get("path") instanceof String path) {
        paths.add(path);
      }
    }
    return Optional.of(paths);
  }
}
