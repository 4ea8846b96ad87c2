package org.mdeprofiles.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistString;

/**
 * What Jamf Pro changes in a profile it stores, so the bundle can plan for it: which strings it
 * keeps altered (a warning each, naming the key) and what an unsigned upload drops (such a
 * profile must be signed, and a signature cannot pass the Classic API).
 *
 * <p>Facts, from Jamf's jamf-cli project (docs/solutions/conventions/
 * classic-profile-payload-ampersand-escaping, verified against live Jamf Pro 11.x): custom
 * settings and notification payloads are decoded and stored exactly; every other payload type is
 * stored verbatim with one entity layer too many, so {@code &} and {@code <} reach the Mac as
 * entity text; LF and tab are deleted in those payloads and outside PayloadContent; leading and
 * trailing whitespace is trimmed everywhere; a character outside the BMP becomes two U+FFFD, and
 * in custom settings drops the domain's whole settings. From Microsoft's Jamf Pro guide for
 * Defender (step Bluetooth): an unsigned upload loses the Bluetooth TCC service; third-party
 * preference payloads are kept only as Application &amp; Custom Settings.
 */
final class JamfStorage {
  /** Payload types Jamf decodes and stores exactly. */
  static final Set<String> STORED_EXACTLY =
      Set.of(JamfCustomSettings.TYPE, "com.apple.notificationsettings");
  /** TCC services an unsigned upload drops. */
  static final Set<String> UNSIGNED_DROPS_TCC = Set.of("BluetoothAlways");

  private JamfStorage() {}

  /** A warning for each string Jamf would store altered in {@code profile}. */
  static List<Finding> alteredStrings(ProfileFile profile) {
    List<Finding> findings = new ArrayList<>();
    profile.root().entries().forEach((key, value) -> {
      if (!key.equals("PayloadContent")) {
        walk(value, PlistPath.root().key(key), Slot.OUTSIDE, findings);
      }
    });
    List<PlistDict> payloads = profile.payloads();
    for (int i = 0; i < payloads.size(); i++) {
      String type = payloads.get(i).string("PayloadType");
      Slot slot = type != null && STORED_EXACTLY.contains(type) ? Slot.EXACT : Slot.VERBATIM;
      walk(payloads.get(i), PlistPath.root().key("PayloadContent").index(i), slot, findings);
    }
    return findings;
  }

  /** What an unsigned upload of {@code profile} would lose: payloads and TCC services. */
  static List<PlistPath> droppedUnsigned(ProfileFile profile) {
    List<PlistPath> dropped = new ArrayList<>();
    List<PlistDict> payloads = profile.payloads();
    boolean mixed = !profile.preferencesOnly();
    for (int i = 0; i < payloads.size(); i++) {
      PlistPath at = PlistPath.root().key("PayloadContent").index(i);
      String type = payloads.get(i).string("PayloadType");
      if (type != null && mixed && !ProfileFile.isApplePayload(type)) {
        dropped.add(at);
      } else if (JamfTarget.TCC.equals(type) && payloads.get(i).get("Services") instanceof PlistDict services) {
        services.entries().keySet().stream().filter(UNSIGNED_DROPS_TCC::contains)
            .forEach(s -> dropped.add(at.key("Services").key(s)));
      }
    }
    return dropped;
  }

  /** Where a string sits decides what Jamf does to it. */
  private enum Slot {
    OUTSIDE,
    VERBATIM,
    EXACT
  }

  private static void walk(PlistValue value, PlistPath at, Slot slot, List<Finding> findings) {
    if (value instanceof PlistString s) {
      alteration(s.value(), slot).ifPresent(why -> findings.add(Finding.warning(at, "jamf.mangled-string", why)));
    } else if (value instanceof PlistDict d) {
      d.entries().forEach((k, v) -> walk(v, at.key(k), slot, findings));
    } else if (value instanceof PlistArray a) {
      for (int i = 0; i < a.items().size(); i++) {
        walk(a.items().get(i), at.index(i), slot, findings);
      }
    }
  }

  private static Optional<String> alteration(String s, Slot slot) {
    if (s.codePoints().anyMatch(c -> !Character.isBmpCodePoint(c))) {
      return Optional.of(slot == Slot.EXACT
          ? "it holds a character outside the Basic Multilingual Plane (an emoji, say), which makes Jamf"
              + " drop the payload's settings"
          : "it holds a character outside the Basic Multilingual Plane (an emoji, say), which Jamf replaces");
    }
    if (slot == Slot.VERBATIM && (s.indexOf('&') >= 0 || s.indexOf('<') >= 0)) {
      return Optional.of("it holds & or <, which Jamf keeps escaped once too often in this payload type, so"
          + " the Mac reads entity text");
    }
    if (slot != Slot.EXACT && (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0)) {
      return Optional.of("it holds a tab or a line feed, which Jamf deletes here");
    }
    if (!s.equals(s.strip())) {
      return Optional.of("it starts or ends with whitespace, which Jamf trims");
    }
    return Optional.empty();
  }
}
