package org.mdeprofiles.validate;

import java.util.ArrayList;
import java.util.List;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * Preferences of one domain (such as Defender's {@code com.microsoft.wdav}) checked against that
 * domain's spec file before they become a payload, so that a config's mistakes are said where
 * they were made.
 */
public final class SettingsCheck {
  private SettingsCheck() {}

  /** True when the project has a spec of {@code domain}'s keys. */
  public static boolean knows(String domain) {
    return domain.matches("[A-Za-z0-9.-]+") && SpecRegistry.instance().find(domain).isPresent();
  }

  /** Findings for {@code settings} of {@code domain}, with paths under {@code at}; none when no spec. */
  public static List<Finding> check(String domain, PlistDict settings, ValidationOptions options, PlistPath at) {
    List<Finding> findings = new ArrayList<>();
    SpecRegistry.instance().find(domain).ifPresent(spec -> {
      KeyChecker checker = new KeyChecker(findings, options, (v, p) -> {});
      checker.checkDict(settings, spec.keys(), null, null, domain, at);
      checker.checkRules(settings, spec.rules(), at);
    });
    return findings;
  }
}
