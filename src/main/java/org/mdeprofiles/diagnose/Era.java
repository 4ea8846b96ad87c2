package org.mdeprofiles.diagnose;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdeprofiles.model.MacosVersion;

/**
 * Whether the Mac runs Defender's real-time protection on the kernel extension (old Defender on
 * macOS 10.15 and older) or on system extensions, from what the input shows, strongest evidence
 * first: mdatp's own {@code real_time_protection_subsystem}; systemextensionsctl or kextutil lines
 * naming Defender's extensions; the macOS version ({@code sw_vers}, or {@code --macos}); the
 * Defender build, whose date-based versions (101.2xxxx, built from 2021 on) use system extensions.
 */
enum Era {
  KERNEL_EXTENSION,
  SYSTEM_EXTENSIONS,
  UNKNOWN;

  private static final Pattern APP_VERSION = Pattern.compile("\"?(\\d+)\\.(\\d+)\\..*");

  static Era of(MacFacts facts, Optional<MacosVersion> macos) {
    Optional<String> subsystem = facts.value("real_time_protection_subsystem");
    if (subsystem.map(s -> s.contains("endpoint_security")).orElse(false)) {
      return SYSTEM_EXTENSIONS;
    }
    if (subsystem.map(s -> s.contains("kernel") || s.equals("kext")).orElse(false)) {
      return KERNEL_EXTENSION;
    }
    if (facts.extensions.containsKey(Diagnoser.EPSEXT) || facts.extensions.containsKey(Diagnoser.NETEXT)) {
      return SYSTEM_EXTENSIONS;
    }
    if (!facts.kextRejections.isEmpty()) {
      return KERNEL_EXTENSION;
    }
    Optional<MacosVersion> version = macos(facts, macos);
    if (version.isPresent()) {
      if (!version.get().isBefore(MacosVersion.parse("11"))) {
        return SYSTEM_EXTENSIONS;
      }
      if (version.get().isBefore(MacosVersion.parse("10.15"))) {
        return KERNEL_EXTENSION;
      }
    }
    Matcher m = APP_VERSION.matcher(facts.value("app_version").orElse(""));
    String build = m.matches() ? m.group(2) : "";
    if (build.length() >= 5 && build.length() <= 9 && Integer.parseInt(build) >= 20000) {
      return SYSTEM_EXTENSIONS;
    }
    return UNKNOWN;
  }

  /** The Mac's macOS: {@code --macos}, else what sw_vers printed, when either is there. */
  static Optional<MacosVersion> macos(MacFacts facts, Optional<MacosVersion> given) {
    return given.isPresent() ? given : facts.value("product_version").flatMap(Era::version);
  }

  private static Optional<MacosVersion> version(String text) {
    try {
      return Optional.of(MacosVersion.parse(text.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
