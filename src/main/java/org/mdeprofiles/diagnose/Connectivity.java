package org.mdeprofiles.diagnose;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code mdatp connectivity test}: the endpoints Defender could not reach. Microsoft's cloud
 * connectivity troubleshooting page (macOS) says a failure means no Internet access or an endpoint
 * blocked by a proxy or firewall, and that curl errors 35 and 60 are certificate pinning rejecting
 * a proxy that inspects TLS, which Defender does not support; authenticated proxies are not
 * supported either, and a static proxy is set with the {@code cloudService.proxy} setting.
 */
final class Connectivity {
  // Curl's error number, as "curl error 60" or curl's own "curl: (60) SSL certificate problem".
  private static final Pattern TLS_INSPECTION =
      Pattern.compile("(?i)(curl|error)\\D{0,12}\\b(35|60)\\b");

  private Connectivity() {}

  static Optional<Conclusion> conclusion(MacFacts facts) {
    List<MacFacts.Connection> failed = facts.connections.stream().filter(c -> !c.ok()).toList();
    if (failed.isEmpty()) {
      return Optional.empty();
    }
    boolean pinning =
        failed.stream()
            .anyMatch(
                c ->
                    TLS_INSPECTION
                        .matcher(
                            c.evidence()
                                .text()
                                .substring(c.evidence().text().indexOf(c.url()) + c.url().length()))
                        .find());
    String meaning =
        "mdatp connectivity test could not reach these endpoints, so Defender cannot get"
            + " definitions, send EDR data or use cloud protection through them; a proxy or"
            + " firewall blocks them, or the Mac has no Internet access."
            + (pinning
                ? " Curl errors 35 and 60 mean certificate pinning refused the connection:"
                      + " something on the way inspects TLS, which Defender does not support."
                : "");
    return Optional.of(
        new Conclusion(
            "cloud-unreachable",
            true,
            "Defender cannot reach "
                + failed.size()
                + " of "
                + facts.connections.size()
                + " of its cloud endpoints",
            failed.stream().map(MacFacts.Connection::evidence).toList(),
            meaning,
            List.of(),
            Optional.of(
                (pinning ? "exempt Defender's endpoints from TLS inspection; " : "")
                    + "allow Defender's endpoints (Microsoft's list of URLs for Defender for"
                    + " Endpoint on macOS) through the proxy and firewall without authentication;"
                    + " where the Mac must use a static proxy, set cloudService.proxy in the"
                    + " settings profile; then run mdatp connectivity test again")));
  }
}
