package org.mdeprofiles.catalog;

import java.util.List;

/** Facts about Microsoft Defender for Endpoint on macOS that the profiles rely on. */
public final class Defender {
  /** Microsoft's Apple Developer Team ID, which signs every Defender component. */
  public static final String TEAM_ID = "UBF8T346G9";

  /** The legacy kernel extension (macOS 10.15 and older). */
  public static final String KEXT_BUNDLE_ID = "com.microsoft.wdavkext";

  /** The Defender app, its preference domain and its content-filter plug-in. */
  public static final String APP = "com.microsoft.wdav";

  /** The endpoint-security system extension. */
  public static final String EPSEXT = "com.microsoft.wdav.epsext";

  /** The network system extension, which is also the content filter's data provider. */
  public static final String NETEXT = "com.microsoft.wdav.netext";

  public static final String DLP_DAEMON = "com.microsoft.dlp.daemon";
  public static final String DLP_AGENT = "com.microsoft.dlp.agent";
  public static final String TRAY = "com.microsoft.wdav.tray";

  /** Microsoft AutoUpdate: its app and its preference domain. */
  public static final String AUTOUPDATE = "com.microsoft.autoupdate2";
  /** Microsoft AutoUpdate's notifying helper, the second bundle ID Microsoft's docs give it. */
  public static final String AUTOUPDATE_FBA = "com.microsoft.autoupdate.fba";

  /** The onboarding preference domain. */
  public static final String ONBOARDING_DOMAIN = "com.microsoft.wdav.atp";

  public static final List<String> SYSTEM_EXTENSIONS = List.of(EPSEXT, NETEXT);

  /** Launchd label prefixes of Defender's background services. */
  public static final List<String> SERVICE_LABEL_PREFIXES =
      List.of("com.microsoft.fresno", "com.microsoft.dlp", "com.microsoft.wdav");

  /** Every bundle ID of Microsoft's macOS Defender that a profile may name. */
  public static final List<String> KNOWN_BUNDLE_IDS =
      List.of(APP, KEXT_BUNDLE_ID, EPSEXT, NETEXT, DLP_DAEMON, DLP_AGENT, TRAY, AUTOUPDATE, AUTOUPDATE_FBA);

  private Defender() {}

  /** The designated requirement of Microsoft-signed code with bundle identifier {@code id}. */
  public static String designatedRequirement(String id) {
    return "identifier \"" + id + "\" and anchor apple generic"
        + " and certificate 1[field.1.2.840.113635.100.6.2.6] /* exists */"
        + " and certificate leaf[field.1.2.840.113635.100.6.1.13] /* exists */"
        + " and certificate leaf[subject.OU] = " + TEAM_ID;
  }
}
