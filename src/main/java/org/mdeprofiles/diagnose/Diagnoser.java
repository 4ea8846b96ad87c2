package org.mdeprofiles.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mdeprofiles.catalog.Defender;
import org.mdeprofiles.model.MacosVersion;

/** Turns what a Mac printed into conclusions, each naming the profile or the step that fixes it. */
public final class Diagnoser {
  // Defender's facts live in the catalog, once: the profiles and diagnose read the same ones.
  static final String EPSEXT = Defender.EPSEXT;
  static final String NETEXT = Defender.NETEXT;
  private static final String TCC = "com.apple.TCC.configuration-profile-policy";
  private static final List<String> KNOWN_ISSUES = List.of(
      "no active event provider", "network event provider not running", "full disk access has not been granted",
      "missing license");

  private final MacFacts facts = new MacFacts();
  private Optional<MacosVersion> macos = Optional.empty();
  private Optional<String> config = Optional.empty();
  private Optional<org.mdeprofiles.plist.PlistValue.PlistDict> policy = Optional.empty();
  private Optional<String> tenant = Optional.empty();

  /** A profile of the bundle the Mac should have (diagnose --bundle). */
  public record Expected(String name, String identifier, List<String> payloadIdentifiers) {}

  private final List<Expected> expected = new ArrayList<>();
  private java.time.Instant now = java.time.Instant.now();

  /** The time conclusions are judged at (product expiration); tests fix it. */
  public Diagnoser now(java.time.Instant at) {
    now = at;
    return this;
  }
  private String bundle = "";

  /** The profiles of the bundle in {@code dir} the Mac should have. */
  public Diagnoser bundle(String dir, List<Expected> profiles) {
    bundle = dir;
    expected.addAll(profiles);
    return this;
  }

  /** The Mac's macOS version, when the admin knows it (diagnose --macos). */
  public Diagnoser macos(MacosVersion version) {
    macos = Optional.of(version);
    return this;
  }

  /** The config the bundle was made from, carried into every fix command (diagnose --config). */
  public Diagnoser config(String file) {
    config = Optional.of(file);
    return this;
  }

  /**
   * Defender's settings the bundle gives (from diagnose --config): the Mac's values are checked
   * against them (managed, tamper protection's level).
   */
  public Diagnoser policy(org.mdeprofiles.plist.PlistValue.PlistDict settings) {
    policy = Optional.of(settings);
    return this;
  }

  /**
   * The organisation the bundle onboards to (the config's onboarding file): the Mac's org_id and
   * installed onboarding blobs are compared with it, and it is never printed.
   */
  public Diagnoser tenant(String orgId) {
    tenant = Optional.of(orgId);
    return this;
  }

  /** Adds one input (a file's or standard input's text). */
  public Diagnoser read(String source, String text) {
    OutputParser.parse(source, text, facts);
    return this;
  }

  /** True when the inputs held anything diagnose understands. */
  public boolean recognisedAnything() {
    return facts.recognised > 0;
  }

  /** The mdatp fields no rule knows, verbatim, so that nothing is dropped. */
  public List<Evidence> unknownFields() {
    return facts.unknownFields.stream().map(MacFacts.Field::evidence).toList();
  }

  public List<Conclusion> conclusions() {
    List<Conclusion> out = new ArrayList<>();
    Era era = Era.of(facts, macos);
    kext(era).ifPresent(out::add);
    systemExtensions().ifPresent(out::add);
    networkExtension().ifPresent(out::add);
    fullDiskAccess().ifPresent(out::add);
    license().ifPresent(out::add);
    Tenancy.offboarded(facts).ifPresent(out::add);
    out.addAll(Tenancy.otherTenant(facts, tenant));
    Connectivity.conclusion(facts).ifPresent(out::add);
    for (MacFacts.Field issue : facts.healthIssues) {
      if (KNOWN_ISSUES.stream().noneMatch(k -> k.equalsIgnoreCase(issue.value()))) {
        out.add(new Conclusion("unknown-health-issue", true, "mdatp reports a health issue: " + issue.value(),
            List.of(issue.evidence()), "diagnose does not know this issue; it is shown as mdatp printed it.",
            List.of(), Optional.of("look the issue up in Microsoft's troubleshooting guide for Defender on macOS")));
      }
    }
    rtpOff(era).ifPresent(out::add);
    out.addAll(FieldRules.conclusions(facts));
    Dlp.conclusion(facts, Era.macos(facts, macos), policy).ifPresent(out::add);
    out.addAll(PolicyCheck.conclusions(facts, policy));
    out.addAll(TccOverrides.conclusions(facts, out.stream().anyMatch(c -> c.code().equals("no-full-disk-access")),
        profilesUnlessInstalled(List.of("fulldisk"), TCC)));
    if (facts.is("healthy", "false") && facts.healthIssues.isEmpty() && out.isEmpty()) {
      out.add(new Conclusion("unhealthy", true, "mdatp reports the device unhealthy without naming an issue",
          List.of(facts.field("healthy").orElseThrow().evidence()), "Defender is not fully working.",
          List.of(), Optional.of("run mdatp health --details features and check its log (mdatp log)")));
    }
    if (!facts.installedProfiles.isEmpty()) {
      out.add(new Conclusion("installed-profiles", false,
          "configuration profiles installed: " + String.join(", ", facts.installedProfiles),
          facts.profileLines,
          facts.installedPayloadTypes.isEmpty()
              ? "the profiles output names no payload types; profiles show -type configuration lists them."
              : "their payload types: " + String.join(", ", facts.installedPayloadTypes) + ".",
          List.of(), Optional.empty()));
    }
    out.addAll(InstalledPayloads.conclusions(facts));
    Expiry.expired(facts, now).ifPresent(out::add);
    out.addAll(BundleComparison.missing(facts, bundle, expected, era));
    facts.field("managed_by").filter(f -> f.value().equalsIgnoreCase("MDE")).ifPresent(f ->
        out.add(new Conclusion("managed-by-mde", false, "this Mac's settings are managed by Defender for Endpoint",
            List.of(f.evidence()),
            "managed_by is MDE (security settings management): Defender ignores settings an MDM profile"
                + " gives (" + Defender.APP + "); change them in the Defender portal, or turn settings"
                + " management off for this device to use the settings profile.",
            List.of(), Optional.empty())));
    java.util.Set<String> installed = new java.util.HashSet<>(facts.installedPayloadTypes);
    facts.installedPayloads.forEach(p -> installed.add(p.value()));
    return out.stream().map(c -> InstalledFix.apply(c, installed).withConfig(config)).toList();
  }



  /** The kernel extension is not approved: only on a Mac the evidence shows runs it. */
  private Optional<Conclusion> kext(Era era) {
    List<Evidence> seen = new ArrayList<>(facts.kextRejections);
    if (era == Era.KERNEL_EXTENSION && facts.is("real_time_protection_enabled", "false")
        && facts.is("real_time_protection_available", "true")) {
      seen.add(facts.field("real_time_protection_enabled").orElseThrow().evidence());
      seen.add(facts.field("real_time_protection_available").orElseThrow().evidence());
    }
    if (seen.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Conclusion("kext-not-approved", true,
        "the Defender kernel extension (" + Defender.KEXT_BUNDLE_ID + ") is not approved", seen,
        "macOS blocks the kernel extension until it is approved, so real-time protection cannot run"
            + " (macOS 10.15 and older).",
        List.of("kext"),
        Optional.of("within 30 minutes of installing Defender, open System Preferences > Security & Privacy and"
            + " click Allow for \"Microsoft Corporation\"; after 30 minutes, run"
            + " sudo kextutil /Library/Extensions/wdavkext.kext to show the prompt again, click Allow, then run"
            + " the same command once more")));
  }

  /**
   * Real-time protection off where the kernel extension is not the cause: passive mode (by design,
   * another antivirus is primary), or a setting or tamper policy; with no evidence of the era,
   * both readings, the current one first.
   */
  private Optional<Conclusion> rtpOff(Era era) {
    if (era == Era.KERNEL_EXTENSION || !facts.is("real_time_protection_enabled", "false")) {
      return Optional.empty();
    }
    List<Evidence> seen = new ArrayList<>();
    seen.add(facts.field("real_time_protection_enabled").orElseThrow().evidence());
    facts.field("real_time_protection_available").ifPresent(f -> seen.add(f.evidence()));
    Optional<MacFacts.Field> passive = facts.field("passive_mode_enabled").filter(f -> f.value().equalsIgnoreCase("true"));
    if (passive.isPresent()) {
      seen.add(passive.get().evidence());
      facts.field("conflicting_applications").ifPresent(f -> seen.add(f.evidence()));
      return Optional.of(new Conclusion("passive-mode", false, "Defender runs in passive mode", seen,
          "another antivirus is the primary one, so Defender's real-time protection is off by design; EDR still"
              + " reports. Leave it so while the other product protects the Mac.",
          List.of(), Optional.of("to make Defender primary, remove the other antivirus, then set"
              + " antivirusEngine.passiveMode false (or enforcementLevel real_time) in the settings profile")));
    }
    String meaning = "real-time protection is turned off by a setting (antivirusEngine.enforcementLevel) or by"
        + " a tamper-protection policy; files are not scanned as they are opened.";
    String manual = "on one Mac: mdatp config real-time-protection --value enabled (refused when tamper"
        + " protection blocks it: change the policy instead)";
    if (era == Era.UNKNOWN) {
      return Optional.of(new Conclusion("rtp-off", true,
          "real-time protection is off (the input does not show whether this Mac uses system extensions)", seen,
          "most likely, as on every Mac with current Defender (system extensions): " + meaning + " Less likely,"
              + " on a Mac that runs the old kernel extension (macOS 10.15 and older): the kernel extension"
              + " (" + Defender.KEXT_BUNDLE_ID + ") is not approved, and the kext profile fixes it. Paste mdatp health"
              + " whole (app_version, real_time_protection_subsystem) or sw_vers to tell which.",
          List.of("settings"), Optional.of(manual)));
    }
    return Optional.of(new Conclusion("rtp-off", true, "real-time protection is turned off", seen,
        "the system extension is in place, so " + meaning, List.of("settings"), Optional.of(manual)));
  }

  private Optional<Conclusion> systemExtensions() {
    List<Evidence> seen = new ArrayList<>();
    if (facts.is("real_time_protection_enabled", "true") && facts.is("real_time_protection_available", "false")) {
      seen.add(facts.field("real_time_protection_enabled").orElseThrow().evidence());
      seen.add(facts.field("real_time_protection_available").orElseThrow().evidence());
    }
    facts.field("real_time_protection_subsystem").filter(f -> f.value().equalsIgnoreCase("unavailable"))
        .ifPresent(f -> seen.add(f.evidence()));
    facts.healthIssue("no active event provider").ifPresent(f -> seen.add(f.evidence()));
    extension(EPSEXT, "waiting for user").ifPresent(seen::add);
    if (seen.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Conclusion("sysext-not-approved", true,
        "Defender's system extensions are not approved", seen.stream().distinct().toList(),
        "without its endpoint-security extension (" + EPSEXT + ") Defender has no event"
            + " provider, so real-time protection is unavailable.",
        profilesUnlessInstalled(List.of("sysext"), "com.apple.system-extension-policy"),
        Optional.of(installedNote("com.apple.system-extension-policy") + "on an unmanaged Mac: System Settings > Privacy & Security, allow the Microsoft Defender"
            + " system extensions (or System Settings > General > Login Items & Extensions > Endpoint Security"
            + " Extensions on macOS 15)")));
  }

  private Optional<Conclusion> networkExtension() {
    List<Evidence> seen = new ArrayList<>();
    facts.healthIssue("network event provider not running").ifPresent(f -> seen.add(f.evidence()));
    extension(NETEXT, "waiting for user").ifPresent(seen::add);
    extension(NETEXT, "disabled").ifPresent(seen::add);
    if (seen.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Conclusion("netext-not-running", true,
        "Defender's network extension is not running", seen,
        "network protection needs the network system extension (" + NETEXT + ") approved and its"
            + " content filter allowed.",
        netextProfiles(),
        Optional.of(installedNote("com.apple.webcontent-filter") + "on an unmanaged Mac: allow the extension in"
            + " System Settings > Privacy & Security, then"
            + " allow the \"Microsoft Defender Content Filter\" network filter when macOS asks")));
  }

  private Optional<Conclusion> fullDiskAccess() {
    List<Evidence> seen = new ArrayList<>();
    facts.healthIssue("full disk access has not been granted").ifPresent(f -> seen.add(f.evidence()));
    facts.field("full_disk_access_enabled").filter(f -> f.value().equalsIgnoreCase("false"))
        .ifPresent(f -> seen.add(f.evidence()));
    if (seen.isEmpty()) {
      return Optional.empty();
    }
    if (TccOverrides.fullDiskInForce(facts)) {
      // The MDM's grant is in force, yet Defender finds no access: another profile is no fix.
      return Optional.of(new Conclusion("no-full-disk-access", true, "Defender has no full disk access although"
          + " the MDM grants it", seen, "MDMOverrides.plist allows full disk access to Defender's components, yet"
          + " Defender reports none: the grant's code requirement does not match this Defender's signature, or"
          + " Defender has not noticed the grant yet.", List.of(),
          Optional.of("check the privacy profile with mde-profiles validate (Team ID " + Defender.TEAM_ID + ", code"
              + " requirements), then restart the Mac and run mdatp health again")));
    }
    return Optional.of(new Conclusion("no-full-disk-access", true,
        "Defender has no full disk access", seen,
        "without full disk access Defender cannot scan protected locations such as Mail and Safari data.",
        profilesUnlessInstalled(List.of("fulldisk"), TCC),
        Optional.of(installedNote(TCC) + "on an unmanaged Mac: System Settings > Privacy & Security > Full Disk"
            + " Access, turn on Microsoft Defender and Microsoft Defender Endpoint Security Extension")));
  }

  private Optional<Conclusion> license() {
    List<Evidence> seen = new ArrayList<>(facts.licenseBanners);
    facts.healthIssue("missing license").ifPresent(f -> seen.add(f.evidence()));
    facts.field("licensed").filter(f -> f.value().equalsIgnoreCase("false")).ifPresent(f -> seen.add(f.evidence()));
    if (seen.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Conclusion("not-onboarded", true, "Defender is not onboarded (no license)", seen,
        "the onboarding file (preference domain " + Defender.ONBOARDING_DOMAIN + ") has not reached this Mac, so Defender"
            + " has no license and does not report to your tenant.",
        List.of(),
        Optional.of("download the macOS onboarding package from the Microsoft Defender portal (Settings >"
            + " Endpoints > Onboarding) and deploy it: mde-profiles generate --onboarding FILE adds it to the"
            + " bundle; on a single Mac, run the onboarding script from the package with sudo")));
  }

  private Optional<Evidence> extension(String bundleId, String state) {
    return Optional.ofNullable(facts.extensions.get(bundleId))
        .filter(s -> s.state().contains(state)).map(MacFacts.ExtensionState::evidence);
  }

  /**
   * The network extension's fix, leaving out what is installed: a second content filter breaks the
   * Mac's networking, so netfilter is never suggested beside an installed one.
   */
  private List<String> netextProfiles() {
    List<String> out = new ArrayList<>(profilesUnlessInstalled(List.of("sysext"), "com.apple.system-extension-policy"));
    out.addAll(profilesUnlessInstalled(List.of("netfilter"), "com.apple.webcontent-filter"));
    return out;
  }

  /** The profiles, unless the profiles output shows their payload installed already. */
  private List<String> profilesUnlessInstalled(List<String> profiles, String payloadType) {
    return facts.installedPayloadTypes.contains(payloadType) ? List.of() : profiles;
  }

  /** When the payload is installed and yet fails, the fix is in that profile, not a new one. */
  private String installedNote(String payloadType) {
    return facts.installedPayloadTypes.contains(payloadType)
        ? "a profile with a " + payloadType + " payload is installed, so check it: mde-profiles validate"
            + " shows a wrong Team ID, bundle ID or code requirement; the MDM enrollment must be user-approved; "
        : "";
  }

}
