package org.mdeprofiles.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.ContentFilter;
import org.mdeprofiles.model.KernelExtensionPolicy;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.model.NotificationSettings;
import org.mdeprofiles.model.PrivacyPreferencesPolicy;
import org.mdeprofiles.model.ServiceManagement;
import org.mdeprofiles.model.SystemExtensionPolicy;
import org.mdeprofiles.model.Profile;

/** Every profile mde-profiles can build, in the order they are listed and written. */
public final class Catalog {
  private static final List<CatalogEntry> ENTRIES =
      List.of(
          modern(SystemExtensionsProfile.NAME, "10.15",
              "approves Defender's system extensions (endpoint security, network)",
              SystemExtensionsProfile::build),
          modern(ContentFilterProfile.NAME, "10.15",
              "turns on Defender's network content filter (network protection)",
              ContentFilterProfile::build),
          modern(PrivacyProfiles.FULL_DISK, "10.14",
              "grants full disk access to Defender, its extension and its DLP daemon",
              PrivacyProfiles::fullDisk),
          new CatalogEntry(PrivacyProfiles.ACCESSIBILITY,
              "grants accessibility access to Defender's DLP daemon",
              v("10.14"), Optional.empty(), Optional.of(v("27.0")), false, true, PrivacyProfiles::accessibility),
          // Apple's schema at the macOS 27 release deprecates both grants in 27.0.
          new CatalogEntry(PrivacyProfiles.BLUETOOTH,
              "grants Bluetooth access to Defender's DLP agent (device control)",
              v("14.0"), Optional.empty(), Optional.of(v("27.0")), false, true, PrivacyProfiles::bluetooth),
          modern(BackgroundProfile.NAME, "13.0",
              "keeps Defender's background services managed and on",
              BackgroundProfile::build),
          modern(NotificationsProfile.NAME, "10.15",
              "lets Defender and Microsoft AutoUpdate show notifications",
              NotificationsProfile::build),
          modern(PreferenceProfiles.SETTINGS, "10.13",
              "Defender's managed settings (domain com.microsoft.wdav)",
              PreferenceProfiles::settings),
          modern(PreferenceProfiles.AUTOUPDATE, "10.13",
              "Microsoft AutoUpdate channel and update checks (domain com.microsoft.autoupdate2)",
              PreferenceProfiles::autoUpdate),
          new CatalogEntry(CombinedProfile.NAME,
              "all of the above but kext in one profile, one TCC payload (only on request)",
              v("10.15"), Optional.empty(), Optional.empty(), false, false, CombinedProfile::build),
          new CatalogEntry(KextProfile.NAME,
              "approves the Defender kernel extension (legacy: fleets on macOS 10.15 and older)",
              v("10.13"), Optional.of(v("10.15")), Optional.empty(), true, true, KextProfile::build));

  /** Every payload type the catalog's profiles hold. */
  public static final List<String> PAYLOAD_TYPES = List.of(
      KernelExtensionPolicy.TYPE, SystemExtensionPolicy.TYPE, PrivacyPreferencesPolicy.TYPE, ContentFilter.TYPE,
      NotificationSettings.TYPE, ServiceManagement.TYPE, Defender.APP, Defender.AUTOUPDATE);

  private Catalog() {}

  private static CatalogEntry modern(
      String name, String since, String purpose, Function<GenerateSettings, Profile> builder) {
    return new CatalogEntry(name, purpose, v(since), Optional.empty(), Optional.empty(), false, true, builder);
  }

  private static MacosVersion v(String version) {
    return MacosVersion.parse(version);
  }

  /**
   * The profiles as Jamf Pro takes them: the combined profile without preferences (they go in as
   * custom settings) or Bluetooth (which must be signed, so it stays a profile of its own), and
   * the other privacy grants merged into one profile with one TCC payload.
   */
  public static List<Profile> forJamf(GenerateSettings settings, List<Profile> profiles) {
    return PrivacyProfiles.mergePrivacy(settings, splitCombined(settings, profiles, true));
  }

  /**
   * The profiles as Intune takes them: the combined profile without preferences, which ship as
   * their own profiles, since Defender reads its settings only from a profile named
   * {@code com.microsoft.wdav}.
   */
  public static List<Profile> forIntune(GenerateSettings settings, List<Profile> profiles) {
    return splitCombined(settings, profiles, false);
  }

  private static List<Profile> splitCombined(GenerateSettings settings, List<Profile> profiles, boolean jamf) {
    if (profiles.stream().noneMatch(p -> p.name().equals(CombinedProfile.NAME))) {
      return profiles;
    }
    List<Profile> out = new ArrayList<>();
    for (Profile p : profiles) {
      if (!p.name().equals(CombinedProfile.NAME)) {
        out.add(p);
        continue;
      }
      out.add(CombinedProfile.build(settings, false, !jamf));
      List<Function<GenerateSettings, Profile>> parts = new ArrayList<>();
      if (jamf) {
        parts.add(PrivacyProfiles::bluetooth);
      }
      parts.add(PreferenceProfiles::settings);
      parts.add(PreferenceProfiles::autoUpdate);
      for (Function<GenerateSettings, Profile> part : parts) {
        Profile built = part.apply(settings);
        if (profiles.stream().noneMatch(q -> q.name().equals(built.name()))) {
          out.add(built);
        }
      }
    }
    return out;
  }

  public static List<CatalogEntry> entries() {
    return ENTRIES;
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
}
