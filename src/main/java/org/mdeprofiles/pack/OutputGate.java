package org.mdeprofiles.pack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.cms.SignatureFormatException;
import org.mdeprofiles.cms.SignedProfile;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.io.ByContent;
import org.mdeprofiles.io.JsonReader;
import org.mdeprofiles.plist.PlistDocument;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * The last check before anything is written: every file of the bundle is read back as what it
 * claims to be. Profiles were validated when rendered; here preference plists must be a plist
 * dictionary, API bodies well-formed XML or JSON, each Classic body's payload, after Jamf's
 * extra decoding, the profile beside it byte for byte, and guides plain text. So a broken template override of any kind
 * stops the run with nothing written.
 */
public final class OutputGate {
  private OutputGate() {}

  public static List<FileFinding> check(List<BundleFile> files) {
    Map<String, byte[]> byPath = new HashMap<>();
    files.forEach(f -> byPath.put(f.path(), f.bytes()));
    // Each distinct property list is read once: the same profile lands in several targets' folders
    // (the default bundle's 29 plists hold 13 contents). The answer is "" when it reads well.
    ByContent<String> plists = new ByContent<>();
    List<FileFinding> findings = new ArrayList<>();
    for (BundleFile f : files) {
      String problem = problem(f, byPath, plists);
      if (problem != null) {
        findings.add(new FileFinding(f.path(), Finding.error(PlistPath.root(), "bundle.malformed", problem)));
      }
    }
    return findings;
  }

  /** A guide is text for a person: not empty, lines ending in LF, no control characters but tabs. */
  private static String guideProblem(String text) {
    if (text.isBlank()) {
      return "the guide is empty";
    }
    if (!text.endsWith("\n")) {
      return "the guide does not end with a line feed";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
        return String.format("the guide holds control character U+%04X", (int) c);
      }
    }
    return null;
  }

  /** Why {@code bytes} is no property-list dictionary, or "" when it is one. */
  private static String plistProblem(byte[] bytes) {
    try {
      PlistDocument doc = PlistReader.read(bytes);
      return doc.root().orElse(null) instanceof PlistDict ? "" : "it is no property-list dictionary";
    } catch (PlistFormatException e) {
      return e.getMessage();
    }
  }

  private static String problem(BundleFile f, Map<String, byte[]> byPath, ByContent<String> plists) {
    byte[] bytes = f.bytes();
    try {
      if (f.path().endsWith(".mobileconfig") && SignedProfile.looksSigned(bytes)) {
        // A profile the bundle signed: its signature must verify and its content be a profile.
        SignedProfile signed = SignedProfile.unwrap(bytes);
        if (signed.signers().stream().anyMatch(s -> s.status() != SignedProfile.Status.VERIFIED)) {
          return "its signature does not verify";
        }
        bytes = signed.content();
      }
      if (f.path().endsWith(".plist") || f.path().endsWith(".mobileconfig")) {
        String problem = plists.get(bytes, OutputGate::plistProblem);
        return problem.isEmpty() ? null : problem;
      } else if (f.path().endsWith(".classic.xml")) {
        PlistReader.requireWellFormed(bytes);
        byte[] profile = byPath.get(f.path().replace(".classic.xml", ".mobileconfig"));
        if (profile == null && f.profile().isPresent()) {
          profile = f.profile().get().bytes();
        }
        if (profile != null && !JamfClassicBody.payload(bytes).equals(new String(profile, StandardCharsets.UTF_8))) {
          return "its payloads are not the profile, after Jamf's extra decoding";
        }
      } else if (f.path().endsWith(".json")) {
        JsonReader.parse(new String(bytes, StandardCharsets.UTF_8));
      } else if (f.path().endsWith(".md")) {
        return guideProblem(new String(bytes, StandardCharsets.UTF_8));
      }
      return null;
    } catch (PlistFormatException | IllegalArgumentException | SignatureFormatException e) {
      return e.getMessage();
    }
  }
}
