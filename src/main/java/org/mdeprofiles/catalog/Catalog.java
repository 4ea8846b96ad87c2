package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.model.Payload;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * Every profile mde-profiles can build, in the order they are listed and written: one table,
 * from which the config sections, the payload types, {@code combined} and {@code list} follow.
 */
public final class Catalog {
  private static final List<CatalogEntry> ENTRIES = List.of(
      modern("sysext", "10.15", "approves Defender's system extensions (endpoint security, network)",
          "Microsoft Defender - System Extensions",
          "Approves Defender's endpoint-security (com.microsoft.wdav.epsext) and network"
              + " (com.microsoft.wdav.netext) system extensions.",
          Payloads.systemExtensions()),
      modern("netfilter", "10.15", "turns on Defender's network content filter (network protection)",
          "Microsoft Defender - Network Filter",
          "Turns on Defender's socket content filter (com.microsoft.wdav.netext) for network protection."
              + " A Mac runs one such filter profile.",
          Payloads.contentFilter()),
      modern("fulldisk", "10.14", "grants full disk access to Defender, its extension and its DLP daemon",
          "Microsoft Defender - Full Disk Access",
          "Grants full disk access to Defender (com.microsoft.wdav), its endpoint-security extension and"
              + " its data loss prevention daemon, so they can scan and protect every file.",
          Payloads.tcc("SystemPolicyAllFiles", Defender.APP, Defender.EPSEXT, Defender.DLP_DAEMON)),
      // Apple's schema at the macOS 27 release deprecates both grants in 27.0.
      deprecated("accessibility", "10.14", "27.0", "grants accessibility access to Defender's DLP daemon",
          "Microsoft Defender - Accessibility",
          "Grants accessibility access to Defender's data loss prevention daemon (com.microsoft.dlp.daemon).",
          Payloads.tcc("Accessibility", Defender.DLP_DAEMON)),
      deprecated("bluetooth", "14.0", "27.0", "grants Bluetooth access to Defender's DLP agent (device control)",
          "Microsoft Defender - Bluetooth",
          "Grants Bluetooth access to Defender's data loss prevention agent (com.microsoft.dlp.agent).",
          Payloads.tcc("BluetoothAlways", Defender.DLP_AGENT)),
      modern("background", "13.0", "keeps Defender's background services managed and on",
          "Microsoft Defender - Background Services",
          "Manages Defender's background services (launchd labels com.microsoft.fresno, com.microsoft.dlp,"
              + " com.microsoft.wdav) so users cannot turn them off.",
          Payloads.serviceManagement(Defender.SERVICE_LABEL_PREFIXES.toArray(String[]::new))),
      modern("notifications", "10.15", "lets Defender and Microsoft AutoUpdate show notifications",
          "Microsoft Defender - Notifications",
          "Lets Defender's status app (com.microsoft.wdav.tray) and Microsoft AutoUpdate"
              + " (com.microsoft.autoupdate2, com.microsoft.autoupdate.fba) show notifications.",
          Payloads.notifications(Defender.AUTOUPDATE, Defender.AUTOUPDATE_FBA, Defender.TRAY)),
      modern("settings", "10.13", "Defender's managed settings (domain com.microsoft.wdav)",
          "Microsoft Defender - Settings", "Defender's managed preferences (domain com.microsoft.wdav).",
          Payloads.preferences(Defender.APP)),
      new CatalogEntry("autoupdate",
          "Microsoft AutoUpdate channel and update checks (domain com.microsoft.autoupdate2)",
          v("10.13"), Optional.empty(), Optional.empty(), false, true, false, "Microsoft AutoUpdate",
          s -> "Microsoft AutoUpdate's channel (" + s.autoUpdate().channel() + ") and update checks ("
              + s.autoUpdate().howToCheck() + ").",
          List.of(Payloads.preferences(Defender.AUTOUPDATE))),
      new CatalogEntry(Catalog.COMBINED,
          "all of the above but kext in one profile, one TCC payload (only on request)",
          v("10.15"), Optional.empty(), Optional.empty(), false, false, true, "Microsoft Defender - All Settings",
          s -> "Everything Defender needs on macOS 11 and later in one profile: system extensions, privacy"
              + " grants, content filter, notifications, background services",
          List.of()),
      new CatalogEntry("kext",
          "approves the Defender kernel extension (legacy: fleets on macOS 10.15 and older)",
          v("10.13"), Optional.of(v("10.15")), Optional.empty(), true, true, false,
          "Microsoft Defender - Kernel Extension (legacy)",
          s -> "Approves the Microsoft Defender kernel extension (com.microsoft.wdavkext, Team ID"
              + " UBF8T346G9) on macOS 10.13 to 10.15, so real-time protection can start.",
          List.of(Payloads.kext())));

  /** The profile that gathers every modern payload (built only on request). */
  public static final String COMBINED = "combined";

  /** The payload types {@code entries} hold, each once, in their order. */
  public static List<String> payloadTypes(List<CatalogEntry> entries) {
    return entries.stream().flatMap(e -> e.payloads().stream()).map(PayloadDefinition::type).distinct().toList();
  }

  private Catalog() {}

  private static CatalogEntry modern(String name, String since, String purpose, String displayName,
      String description, PayloadDefinition payload) {
    return new CatalogEntry(name, purpose, v(since), Optional.empty(), Optional.empty(), false, true, false,
        displayName, s -> description, List.of(payload));
  }

  private static CatalogEntry deprecated(String name, String since, String deprecatedFrom, String purpose,
      String displayName, String description, PayloadDefinition payload) {
    return new CatalogEntry(name, purpose, v(since), Optional.empty(), Optional.of(v(deprecatedFrom)), false, true,
        false, displayName, s -> description, List.of(payload));
  }

  private static MacosVersion v(String version) {
    return MacosVersion.parse(version);
  }

  public static List<CatalogEntry> entries() {
    return ENTRIES;
  }

  /** The profiles' names, in catalog order. */
  public static List<String> names() {
    return ENTRIES.stream().map(CatalogEntry::name).toList();
  }

  public static Optional<CatalogEntry> find(String name) {
    return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * The entries to build: the named ones, or when {@code names} is empty the default bundle, that
   * apply to a fleet whose oldest Mac runs {@code oldest}, when given.
   */
  public static List<CatalogEntry> select(List<String> names, Optional<MacosVersion> oldest) {
    List<CatalogEntry> selected = new ArrayList<>();
    for (CatalogEntry entry : ENTRIES) {
      boolean chosen = names.isEmpty() ? entry.inDefaultBundle() : names.contains(entry.name());
      if (chosen && oldest.map(entry::appliesTo).orElse(true)) {
        selected.add(entry);
      }
    }
    return selected;
  }

  /** The payload types a profile of {@code entry} holds, in order (a gathering one: its parts'). */
  public static List<String> payloadTypes(CatalogEntry entry) {
    List<CatalogEntry> from = entry.gathers() ? gatheredParts() : List.of(entry);
    return from.stream().flatMap(e -> e.payloads().stream()).map(PayloadDefinition::type).distinct().toList();
  }

  /** True when a profile of {@code entry}, built with {@code settings}, grants TCC {@code service}. */
  static boolean grants(CatalogEntry entry, GenerateSettings settings, String service) {
    List<CatalogEntry> from = entry.gathers() ? gatheredParts() : List.of(entry);
    return from.stream().flatMap(e -> e.payloads().stream())
        .anyMatch(p -> p.content().apply(settings).get("Services") instanceof PlistDict services
            && services.get(service) != null);
  }

  /**
   * The bundle IDs the catalog's profiles grant TCC {@code service} (built with the defaults), in
   * catalog order: what a Mac's MDM grants should hold.
   */
  public static List<String> grantees(String service) {
    GenerateSettings defaults = GenerateSettings.defaults();
    return ENTRIES.stream().filter(e -> !e.gathers()).flatMap(e -> e.payloads().stream())
        .map(p -> p.content().apply(defaults).get("Services") instanceof PlistDict services
            ? services.get(service) : null)
        .filter(org.mdeprofiles.plist.PlistValue.PlistArray.class::isInstance)
        .flatMap(a -> ((org.mdeprofiles.plist.PlistValue.PlistArray) a).items().stream())
        .map(g -> ((PlistDict) g).string("Identifier")).distinct().toList();
  }

  /** The entries a gathering profile holds: the modern ones of the default bundle. */
  private static List<CatalogEntry> gatheredParts() {
    return ENTRIES.stream().filter(e -> e.inDefaultBundle() && !e.legacy() && !e.gathers()).toList();
  }

  static Profile build(CatalogEntry entry, GenerateSettings settings) {
    if (entry.gathers()) {
      return gathered(entry, settings, gatheredParts().stream().map(e -> build(e, settings)).toList());
    }
    List<Payload> payloads = entry.payloads().stream().map(p -> p.build(settings, entry.name())).toList();
    return Envelope.wrap(settings, entry.name(), entry.displayName(), entry.description().apply(settings), payloads);
  }

  /** A gathering entry's profile from {@code parts}; its description says where preferences went. */
  private static Profile gathered(CatalogEntry entry, GenerateSettings settings, List<Profile> parts) {
    boolean preferences = parts.stream().flatMap(p -> p.payloads().stream()).anyMatch(p -> !isApple(p.type()));
    return gather(settings, entry.name(), entry.displayName(), entry.description().apply(settings)
        + (preferences ? " and preferences." : "; its preferences ship as their own profiles."), parts);
  }

  /**
   * One profile named {@code name} holding the payloads of {@code parts}, those of one type merged
   * into one (dictionaries joined, arrays concatenated), in {@link Payloads#GATHER_ORDER}.
   */
  public static Profile gather(
      GenerateSettings settings, String name, String displayName, String description, List<Profile> parts) {
    return Envelope.wrap(settings, name, displayName, description, Merge.byType(settings, name, parts));
  }

  /**
   * The profiles with each gathering profile that holds a payload {@code apart} says must travel
   * alone rebuilt without the parts holding one, and those parts' own profiles added after it
   * (unless already there). Other profiles are left as they are.
   */
  public static List<Profile> split(GenerateSettings settings, List<Profile> profiles, Predicate<Payload> apart) {
    Set<String> present = new LinkedHashSet<>(profiles.stream().map(Profile::name).toList());
    List<Profile> out = new ArrayList<>();
    for (Profile p : profiles) {
      Optional<CatalogEntry> entry = find(p.name()).filter(CatalogEntry::gathers);
      if (entry.isEmpty()) {
        out.add(p);
        continue;
      }
      List<Profile> kept = new ArrayList<>();
      List<Profile> alone = new ArrayList<>();
      for (CatalogEntry part : gatheredParts()) {
        Profile built = build(part, settings);
        (built.payloads().stream().anyMatch(apart) ? alone : kept).add(built);
      }
      out.add(alone.isEmpty() ? p : gathered(entry.get(), settings, kept));
      alone.stream().filter(a -> !present.contains(a.name())).forEach(out::add);
    }
    return out;
  }

  /** An Apple payload type (as opposed to an app's preference domain). */
  public static boolean isApple(String payloadType) {
    return payloadType.startsWith("com.apple.");
  }
}
