package org.mdeprofiles.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.io.Json;
import org.mdeprofiles.text.Printable;

/** Diagnose's output: text for people, JSON for tools. */
public final class DiagnosisReport {
  /** What diagnose reads, said wherever it asks for input (the prompt, nothing recognised, JSON). */
  public static final String WHAT_IT_READS = "mdatp health (or mdatp health --output json), mdatp connectivity"
      + " test, systemextensionsctl list, kextutil, sudo profiles show -type configuration, sw_vers, or sudo"
      + " plutil -p of " + TccOverrides.FILE;

  private DiagnosisReport() {}

  public static String text(List<Conclusion> conclusions, List<Evidence> unknown) {
    StringBuilder out = new StringBuilder();
    for (Conclusion c : conclusions) {
      // Titles, meanings and steps may quote the input (a health issue, a profile's value): escaped.
      out.append(c.problem() ? "problem: " : "note: ").append(Printable.line(c.title())).append(" [").append(c.code())
          .append("]\n");
      for (int i = 0; i < c.seen().size(); i++) {
        out.append(i == 0 ? "  seen:    " : "           ").append(Printable.line(c.seen().get(i).toString())).append('\n');
      }
      out.append("  meaning: ").append(Printable.line(c.meaning())).append('\n');
      c.command().ifPresent(cmd -> out.append("  fix:     deploy the ").append(String.join(" and ", c.profiles()))
          .append(c.profiles().size() == 1 ? " profile: " : " profiles: ").append(cmd).append('\n'));
      c.manual().ifPresent(m -> out.append("  manual:  ").append(Printable.line(m)).append('\n'));
      out.append('\n');
    }
    if (!unknown.isEmpty()) {
      out.append("not interpreted (shown as printed):\n");
      unknown.forEach(e -> out.append("  ").append(Printable.line(e.toString())).append('\n'));
      out.append('\n');
    }
    long problems = conclusions.stream().filter(Conclusion::problem).count();
    out.append(problems == 0 ? "no problems found\n" : problems + (problems == 1 ? " problem" : " problems")
        + " found\n");
    return out.toString();
  }

  public static String json(List<Conclusion> conclusions, List<Evidence> unknown) {
    List<Object> items = new ArrayList<>();
    for (Conclusion c : conclusions) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("code", c.code());
      item.put("problem", c.problem());
      item.put("title", c.title());
      item.put("seen", c.seen().stream().map(DiagnosisReport::evidence).toList());
      item.put("meaning", c.meaning());
      item.put("profiles", c.profiles());
      item.put("command", c.command().orElse(null));
      item.put("manual", c.manual().orElse(null));
      items.add(item);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("healthy", conclusions.stream().noneMatch(Conclusion::problem));
    root.put("recognised", true);
    root.put("conclusions", items);
    root.put("notInterpreted", unknown.stream().map(DiagnosisReport::evidence).toList());
    return Json.write(root);
  }

  /** The JSON answer when nothing in the input was recognised: still JSON, saying so. */
  public static String unrecognised() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("healthy", null);
    root.put("recognised", false);
    root.put("conclusions", List.of());
    root.put("notInterpreted", List.of());
    root.put("paste", "the output of " + WHAT_IT_READS);
    return Json.write(root);
  }

  private static Map<String, Object> evidence(Evidence e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", e.source());
    out.put("line", e.line());
    out.put("text", e.text());
    return out;
  }
}
