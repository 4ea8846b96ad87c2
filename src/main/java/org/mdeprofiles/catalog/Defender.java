package org.mdeprofiles.catalog;

/** Facts about Microsoft Defender for Endpoint on macOS that the profiles rely on. */
public final class Defender {
  /** Microsoft's Apple Developer Team ID, which signs every Defender component. */
  public static final String TEAM_ID = "UBF8T346G9";

  /** The legacy kernel extension (macOS 10.15 and older). */
  public static final String KEXT_BUNDLE_ID = "com.microsoft.wdavkext";

  private Defender() {}
}
