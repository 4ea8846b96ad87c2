package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.PrivacyPreferencesPolicy;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.model.TccGrant;
import org.mdeprofiles.model.TccService;

/** The privacy (TCC) grants: full disk access, accessibility, Bluetooth. */
final class PrivacyProfiles {
  static final String FULL_DISK = "fulldisk";
  static final String ACCESSIBILITY = "accessibility";
  static final String BLUETOOTH = "bluetooth";

  static final TccService FULL_DISK_SERVICE =
      service("SystemPolicyAllFiles", Defender.APP, Defender.EPSEXT, Defender.DLP_DAEMON);
  static final TccService ACCESSIBILITY_SERVICE = service("Accessibility", Defender.DLP_DAEMON);
  static final TccService BLUETOOTH_SERVICE = service("BluetoothAlways", Defender.DLP_AGENT);

  private PrivacyProfiles() {}

  private static TccService service(String name, String... bundleIds) {
    List<TccGrant> grants = new ArrayList<>();
    for (String id : bundleIds) {
      grants.add(new TccGrant(id, "bundleID", Defender.designatedRequirement(id), false, true));
    }
    return new TccService(name, grants);
  }

  static PrivacyPreferencesPolicy payload(GenerateSettings settings, String profileName, List<TccService> services) {
    return new PrivacyPreferencesPolicy(
        Envelope.header(settings, profileName, PrivacyPreferencesPolicy.TYPE, "privacy-preferences",
            "Privacy Preferences Policy Control", "Grants Defender's components the privacy access they need."),
        services);
  }

  static final String MERGED = "privacy";

  /**
   * The profiles with every privacy-only profile merged into one profile with one TCC payload,
   * in the place of the first; Jamf mishandles several TCC payloads. A profile granting Bluetooth
   * stays apart: Jamf keeps that grant only in a signed profile.
   */
  static List<Profile> mergePrivacy(GenerateSettings settings, List<Profile> profiles) {
    List<Profile> privacy = profiles.stream().filter(PrivacyProfiles::privacyOnly).toList();
    if (privacy.size() < 2) {
      return profiles;
    }
    java.util.Map<String, List<TccGrant>> services = new java.util.LinkedHashMap<>();
    for (Profile p : privacy) {
      for (org.mdeprofiles.model.Payload payload : p.payloads()) {
        for (TccService service : ((PrivacyPreferencesPolicy) payload).services()) {
          services.computeIfAbsent(service.name(), n -> new ArrayList<>()).addAll(service.grants());
        }
      }
    }
    List<TccService> merged = new ArrayList<>();
    services.forEach((name, grants) -> merged.add(new TccService(name, grants)));
    Profile combined = Envelope.wrap(settings, MERGED, "Microsoft Defender - Privacy Preferences",
        "Every privacy grant Defender needs (" + String.join(", ", services.keySet()) + ") in one"
            + " payload, as Jamf Pro needs them.",
        List.of(payload(settings, MERGED, merged)));
    List<Profile> out = new ArrayList<>();
    for (Profile p : profiles) {
      if (p == privacy.get(0)) {
        out.add(combined);
      } else if (!privacyOnly(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean privacyOnly(Profile profile) {
    return !profile.payloads().isEmpty()
        && profile.payloads().stream().allMatch(p -> p instanceof PrivacyPreferencesPolicy policy
            && policy.services().stream().noneMatch(s -> s.name().equals(BLUETOOTH_SERVICE.name())));
  }

  static Profile fullDisk(GenerateSettings settings) {
    return Envelope.wrap(settings, FULL_DISK, "Microsoft Defender - Full Disk Access",
        "Grants full disk access to Defender (com.microsoft.wdav), its endpoint-security extension and"
            + " its data loss prevention daemon, so they can scan and protect every file.",
        List.of(payload(settings, FULL_DISK, List.of(FULL_DISK_SERVICE))));
  }

  static Profile accessibility(GenerateSettings settings) {
    return Envelope.wrap(settings, ACCESSIBILITY, "Microsoft Defender - Accessibility",
        "Grants accessibility access to Defender's data loss prevention daemon (com.microsoft.dlp.daemon).",
        List.of(payload(settings, ACCESSIBILITY, List.of(ACCESSIBILITY_SERVICE))));
  }

  static Profile bluetooth(GenerateSettings settings) {
    return Envelope.wrap(settings, BLUETOOTH, "Microsoft Defender - Bluetooth",
        "Grants Bluetooth access to Defender's data loss prevention agent (com.microsoft.dlp.agent).",
        List.of(payload(settings, BLUETOOTH, List.of(BLUETOOTH_SERVICE))));
  }
}
