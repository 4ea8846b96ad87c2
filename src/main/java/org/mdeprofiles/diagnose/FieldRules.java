package org.mdeprofiles.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Conclusions that each come from one mdatp health field, as a table: the field, when its value
 * means something, and what it means. Values are compared without case, and the text form
 * ({@code up_to_date}) and the JSON form ({@code upToDate}) alike.
 */
final class FieldRules {
  /** Definitions a week old are stale: Defender updates them several times a day. */
  static final long STALE_MINUTES = 7 * 24 * 60;

  private record Rule(String field, BiPredicate<String, MacFacts> when, String code, boolean problem, String title,
      String meaning, List<String> profiles, Optional<String> manual) {}

  private static final List<Rule> RULES = List.of(
      new Rule("definitions_status", (v, facts) -> !plain(v).equals("uptodate") && !plain(v).isEmpty(), "definitions-outdated",
          true, "Defender's definitions are not up to date",
          "without current security intelligence new threats are missed; the Mac cannot reach Microsoft's update"
              + " service, or updates are turned off.", List.of(),
          Optional.of("run mdatp definitions update, and mdatp connectivity test to see which endpoint is"
              + " blocked (a proxy or TLS inspection often is)")),
      new Rule("definitions_updated_minutes_ago", (v, facts) -> minutes(v) > STALE_MINUTES, "definitions-old", true,
          "Defender's definitions are more than a week old",
          "Defender updates its security intelligence several times a day; a week without means updates fail.",
          List.of(), Optional.of("run mdatp definitions update, and mdatp connectivity test to see which endpoint"
              + " is blocked")),
      new Rule("engine_load_status", (v, facts) -> !plain(v).contains("succeeded") && !plain(v).isEmpty(), "engine-not-loaded",
          true, "Defender's antivirus engine did not load", "no scan of any kind runs until the engine loads.",
          List.of(), Optional.of("restart the Mac; if it stays so, reinstall Defender and send mdatp diagnostic"
              + " create to Microsoft support")),
      new Rule("network_protection_status", (v, facts) -> plain(v).contains("fail")
          // Stopped is what it should be when the settings turn network protection off.
          || plain(v).equals("stopped") && !facts.value("network_protection_enforcement_level").map(FieldRules::plain)
              .orElse("").equals("disabled"),
          "network-protection-not-started", true, "network protection is not running",
          "network protection needs the network extension and its content filter; settings ask for it"
              + " (networkProtection.enforcementLevel) but it did not start.", List.of("sysext", "netfilter"),
          Optional.of("check systemextensionsctl list for com.microsoft.wdav.netext, and that one Defender content"
              + " filter profile is installed")),
      new Rule("tamper_protection", (v, facts) -> plain(v).equals("disabled") || plain(v).equals("audit"),
          "tamper-protection-not-blocking", false, "tamper protection does not block",
          "with tamper protection off or in audit mode, a local administrator can turn Defender off.",
          List.of("settings"), Optional.of("set tamperProtection.enforcementLevel block in the settings profile")),
      // Microsoft's troubleshooting-mode page: the portal turns it on for a limited time (its hunting
      // queries say it ends after 4 hours), local admins may then change settings the policy locks
      // (real-time protection, network protection, DLP, tags), tamper protection stays on.
      new Rule("troubleshooting_mode", (v, facts) -> plain(v).equals("true") || plain(v).equals("enabled"),
          "troubleshooting-mode-on", true, "Defender is in troubleshooting mode",
          "while it lasts a local administrator can change settings the policy locks (real-time protection,"
              + " network protection, DLP, device tags), so what mdatp shows may be a local change, not the policy.",
          List.of(), Optional.of("let it expire (the Defender portal turns it on for a few hours) or end it from the"
              + " device's page in the Microsoft Defender portal, then run mdatp health again")),
      new Rule("release_ring", (v, facts) -> plain(v).contains("insider"), "insider-ring", false,
          "this Mac takes Defender's Insider builds",
          "Insider builds come first and may change; production Macs usually take the Production ring.",
          List.of("settings"), Optional.of("set edr.earlyPreview and the AutoUpdate channel to production values if"
              + " this is no test Mac")));

  private FieldRules() {}

  static List<Conclusion> conclusions(MacFacts facts) {
    List<Conclusion> out = new ArrayList<>();
    for (Rule rule : RULES) {
      facts.field(rule.field()).filter(f -> rule.when().test(f.value(), facts)).ifPresent(f -> out.add(new Conclusion(
          rule.code(), rule.problem(), rule.title(), List.of(f.evidence()), rule.meaning(), rule.profiles(),
          rule.manual())));
    }
    return out;
  }

  /** Lower case without separators: "up_to_date", "upToDate" and "Up to date" are one value. */
  static String plain(String value) {
    return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static long minutes(String value) {
    try {
      return (long) Double.parseDouble(value.replace("\"", "").trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
