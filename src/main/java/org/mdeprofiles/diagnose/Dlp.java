package org.mdeprofiles.diagnose;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mdeprofiles.catalog.Defender;
import org.mdeprofiles.catalog.FleetNotes;
import org.mdeprofiles.model.MacosVersion;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * Endpoint DLP from {@code data_loss_prevention_status} (Microsoft's health-status table: unknown,
 * unsupported_os, unsupported_os_version, disabled, unhealthy, dormant, ready, active). Unhealthy
 * is a problem; any other state but active is a note. On macOS 27 and later the likely reason is
 * Accessibility: Apple's schema says the device then tells the user of each app a profile grants it
 * and lets the user change the grant, so a profile can no longer keep it on; Microsoft's answer
 * (mdatp-xplat, 2026-08) is the {@code dlp.accessibility} settings, which say what DLP enforces and
 * tells the user while Accessibility is off.
 */
final class Dlp {
  private Dlp() {}

  static Optional<Conclusion> conclusion(
      MacFacts facts, Optional<MacosVersion> macos, Optional<PlistDict> policy) {
    Optional<MacFacts.Field> field = facts.field("data_loss_prevention_status");
    if (field.isEmpty()) {
      return Optional.empty();
    }
    String status = field.get().value().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (status.equals("active")) {
      return Optional.empty();
    }
    boolean user27 =
        macos.map(v -> !v.isBefore(FleetNotes.ACCESSIBILITY_USER_CONTROL)).orElse(false)
            && !status.startsWith("unsupported");
    boolean settingsSayWhat =
        policy
            .map(p -> p.get("dlp") instanceof PlistDict dlp && dlp.get("accessibility") != null)
            .orElse(false);
    String macos27 =
        !user27
            ? ""
            : " On macOS "
                + FleetNotes.ACCESSIBILITY_USER_CONTROL
                + " and later a profile"
                + " can no longer keep Accessibility on for "
                + Defender.DLP_DAEMON
                + ": the user is told of the grant and may turn it off in System Settings, and DLP"
                + " needs it. Microsoft's answer is the dlp.accessibility settings: enforcement"
                + " (unallowedBrowserMode, pasteToBrowserMode: off, audit or enforce) says what DLP"
                + " still enforces while Accessibility is off, notification.customMessage what the"
                + " user is told."
                + (settingsSayWhat ? " The config's settings set dlp.accessibility." : "");
    String manual27 =
        !user27
            ? ""
            : "; on macOS "
                + FleetNotes.ACCESSIBILITY_USER_CONTROL
                + ": ask the user to turn Microsoft Defender back on in System Settings > Privacy &"
                + " Security > Accessibility"
                + (settingsSayWhat
                    ? ""
                    : ", and set settings.dlp.accessibility (enforcement, notification) in the"
                          + " config");
    if (status.equals("unhealthy")) {
      return Optional.of(
          new Conclusion(
              "dlp-unhealthy",
              true,
              "Endpoint DLP is on but not working",
              List.of(field.get().evidence()),
              "DLP's daemon and agent need their privacy grants: full disk access"
                  + " and Accessibility for "
                  + Defender.DLP_DAEMON
                  + ", Bluetooth for "
                  + Defender.DLP_AGENT
                  + "."
                  + macos27,
              List.of(),
              Optional.of(
                  "check the fulldisk, accessibility and bluetooth profiles are installed (profiles"
                      + " show -type configuration) and run mdatp health --details features"
                      + manual27)));
    }
    String meaning =
        status.startsWith("unsupported")
            ? "this Mac's macOS does not support Endpoint DLP."
            : status.equals("disabled")
                ? "DLP is turned off (the setting features.dataLossPrevention); nothing is"
                      + " enforced."
                : "DLP is not enforcing on this Mac (status "
                    + field.get().value()
                    + ")."
                    + macos27;
    Optional<String> manual =
        status.startsWith("unsupported")
            ? Optional.empty()
            : Optional.of(
                "if your tenant uses Endpoint DLP: set features.dataLossPrevention enabled in the"
                    + " settings profile, and check the Mac is onboarded to Microsoft Purview with"
                    + " a DLP policy scoped to it"
                    + manual27);
    return Optional.of(
        new Conclusion(
            "dlp-not-active",
            false,
            "Endpoint DLP is not active",
            List.of(field.get().evidence()),
            meaning,
            List.of(),
            manual));
  }
}
