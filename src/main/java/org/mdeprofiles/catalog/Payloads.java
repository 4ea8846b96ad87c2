package org.mdeprofiles.catalog;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.config.KextSettings;
import org.mdeprofiles.config.NotificationOptions;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistBoolean;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.plist.PlistValue.PlistInteger;
import org.mdeprofiles.plist.PlistValue.PlistString;

/**
 * The kinds of payload the catalog writes, one factory each; the keys are Apple's (from Apple's
 * device-management schema), the values Defender's. Logic that depends on settings stays here.
 */
final class Payloads {
  static final String KEXT = "com.apple.syspolicy.kernel-extension-policy";
  static final String SYSTEM_EXTENSIONS = "com.apple.system-extension-policy";
  static final String TCC = "com.apple.TCC.configuration-profile-policy";
  static final String CONTENT_FILTER = "com.apple.webcontent-filter";
  static final String NOTIFICATIONS = "com.apple.notificationsettings";
  static final String SERVICE_MANAGEMENT = "com.apple.servicemanagement";

  /**
   * The order in which a profile that gathers payloads of several kinds lists them: the
   * approvals Defender needs before it starts first, then its filter, then what it shows and
   * runs, then preferences (any type not named here, in catalog order).
   */
  static final List<String> GATHER_ORDER =
      List.of(KEXT, SYSTEM_EXTENSIONS, TCC, CONTENT_FILTER, NOTIFICATIONS, SERVICE_MANAGEMENT);

  private Payloads() {}

  /** Approves the kernel extension by Team ID, by bundle ID, or both, as the settings say. */
  static PayloadDefinition kext() {
    return new PayloadDefinition(KEXT, "kernel-extension-policy", "Approved Kernel Extensions",
        "Lets the Microsoft Defender kernel extension load without asking the user.", settings -> {
          KextSettings kext = settings.kext();
          Set<String> teams = new LinkedHashSet<>();
          teams.add(Defender.TEAM_ID);
          teams.addAll(kext.extraTeamIds());
          Map<String, Set<String>> bundles = new LinkedHashMap<>();
          bundles.computeIfAbsent(Defender.TEAM_ID, t -> new LinkedHashSet<>()).add(Defender.KEXT_BUNDLE_ID);
          kext.extraKernelExtensions()
              .forEach((team, ids) -> bundles.computeIfAbsent(team, t -> new LinkedHashSet<>()).addAll(ids));
          Map<String, PlistValue> keys = new LinkedHashMap<>();
          keys.put("AllowUserOverrides", new PlistBoolean(false));
          keys.put("AllowNonAdminUserApprovals", new PlistBoolean(false));
          if (kext.approval().approvesTeams()) {
            keys.put("AllowedTeamIdentifiers", strings(teams));
          }
          if (kext.approval().approvesBundles()) {
            Map<String, PlistValue> byTeam = new LinkedHashMap<>();
            bundles.forEach((team, ids) -> byTeam.put(team, strings(ids)));
            keys.put("AllowedKernelExtensions", new PlistDict(byTeam));
          }
          return new PlistDict(keys);
        });
  }

  /** Approves Defender's system extensions; non-removable too when the settings ask. */
  static PayloadDefinition systemExtensions() {
    return new PayloadDefinition(SYSTEM_EXTENSIONS, "system-extension-policy", "System Extensions",
        "Lets Defender's system extensions load without asking the user.", settings -> {
          PlistDict extensions = PlistDict.of(Defender.TEAM_ID, strings(Defender.SYSTEM_EXTENSIONS));
          Map<String, PlistValue> keys = new LinkedHashMap<>();
          keys.put("AllowUserOverrides", new PlistBoolean(true));
          keys.put("AllowedSystemExtensions", extensions);
          if (settings.sysextNonRemovable()) {
            keys.put("NonRemovableSystemExtensions", extensions);
          }
          return new PlistDict(keys);
        });
  }

  /** Grants TCC {@code service} to each Microsoft-signed bundle of {@code bundleIds}. */
  static PayloadDefinition tcc(String service, String... bundleIds) {
    List<PlistValue> grants = new ArrayList<>();
    for (String id : bundleIds) {
      grants.add(PlistDict.of("Identifier", new PlistString(id), "IdentifierType", new PlistString("bundleID"),
          "CodeRequirement", new PlistString(Defender.designatedRequirement(id)),
          "StaticCode", new PlistBoolean(false), "Allowed", new PlistBoolean(true)));
    }
    PlistDict content = PlistDict.of("Services", PlistDict.of(service, new PlistArray(grants)));
    return new PayloadDefinition(TCC, "privacy-preferences", "Privacy Preferences Policy Control",
        "Grants Defender's components the privacy access they need.", settings -> content);
  }

  /** Defender's socket content filter, provided by its network extension. */
  static PayloadDefinition contentFilter() {
    PlistDict content = PlistDict.of(
        "FilterType", new PlistString("Plugin"),
        "UserDefinedName", new PlistString("Microsoft Defender Content Filter"),
        "PluginBundleID", new PlistString(Defender.APP),
        "FilterSockets", new PlistBoolean(true),
        "FilterPackets", new PlistBoolean(false),
        "FilterGrade", new PlistString("inspector"),
        "FilterDataProviderBundleIdentifier", new PlistString(Defender.NETEXT),
        "FilterDataProviderDesignatedRequirement", new PlistString(Defender.designatedRequirement(Defender.NETEXT)));
    return new PayloadDefinition(CONTENT_FILTER, "content-filter", "Web Content Filter",
        "Turns on Defender's network protection content filter.", settings -> content);
  }

  /** Manages the background items whose launchd label starts with one of {@code prefixes}. */
  static PayloadDefinition serviceManagement(String... prefixes) {
    List<PlistValue> rules = new ArrayList<>();
    for (String prefix : prefixes) {
      rules.add(PlistDict.of("RuleType", new PlistString("LabelPrefix"), "RuleValue", new PlistString(prefix)));
    }
    PlistDict content = PlistDict.of("Rules", new PlistArray(rules));
    return new PayloadDefinition(SERVICE_MANAGEMENT, "service-management", "Background Services",
        "Manages Defender's launch daemons and agents as background items.", settings -> content);
  }

  /** Lets each app of {@code bundleIds} notify, as the settings' notification options say. */
  static PayloadDefinition notifications(String... bundleIds) {
    return new PayloadDefinition(NOTIFICATIONS, "notification-settings", "Notifications",
        "Lets Defender and Microsoft AutoUpdate show notifications.", settings -> {
          NotificationOptions o = settings.notifications();
          List<PlistValue> apps = new ArrayList<>();
          for (String app : bundleIds) {
            apps.add(PlistDict.of(
                "BundleIdentifier", new PlistString(app),
                "NotificationsEnabled", new PlistBoolean(true),
                "AlertType", new PlistInteger(BigInteger.valueOf(o.alertType())),
                "BadgesEnabled", new PlistBoolean(o.badges()),
                "SoundsEnabled", new PlistBoolean(o.sounds()),
                "ShowInNotificationCenter", new PlistBoolean(o.notificationCenter()),
                "ShowInLockScreen", new PlistBoolean(o.lockScreen()),
                "CriticalAlertEnabled", new PlistBoolean(o.criticalAlerts())));
          }
          return PlistDict.of("NotificationSettings", new PlistArray(apps));
        });
  }

  /** The managed preferences of {@code domain} (Defender's or AutoUpdate's) as the settings give them. */
  static PayloadDefinition preferences(String domain) {
    if (domain.equals(Defender.APP)) {
      return new PayloadDefinition(domain, "defender-preferences", "Microsoft Defender settings",
          "Managed preferences of domain " + domain + ".", GenerateSettings::defenderSettings);
    }
    if (domain.equals(Defender.AUTOUPDATE)) {
      return new PayloadDefinition(domain, "autoupdate-preferences", "Microsoft AutoUpdate settings",
          "Managed preferences of domain " + domain + ".", settings -> PlistDict.of(
              "ChannelName", new PlistString(settings.autoUpdate().channel()),
              "HowToCheck", new PlistString(settings.autoUpdate().howToCheck())));
    }
    throw new IllegalArgumentException("no settings for preference domain " + domain);
  }

  private static PlistArray strings(Iterable<String> values) {
    List<PlistValue> items = new ArrayList<>();
    values.forEach(v -> items.add(new PlistString(v)));
    return new PlistArray(items);
  }
}
