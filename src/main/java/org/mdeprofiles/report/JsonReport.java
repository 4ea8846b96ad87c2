package org.mdeprofiles.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.Severity;
import org.mdeprofiles.io.Json;
import org.mdeprofiles.validate.ValidationReport;

/** The report for tools: every file with its findings; paths as JSON pointers and dotted text. */
public final class JsonReport {
  private JsonReport() {}

  public static String render(List<FileResult> results) {
    List<Object> files = new ArrayList<>();
    for (FileResult r : results) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("file", r.source());
      if (r.problem().isPresent()) {
        file.put("valid", false);
        file.put("readable", false);
        file.put("problem", r.problem().get());
      } else {
        ValidationReport report = r.report().orElseThrow();
        file.put("valid", !report.fails(false));
        file.put("readable", true);
        file.put("errors", (int) report.count(Severity.ERROR));
        file.put("warnings", (int) report.count(Severity.WARNING));
        List<Object> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("severity", f.severity().label());
          entry.put("path", f.path().toString());
          entry.put("pointer", f.path().toJsonPointer());
          entry.put("code", f.code());
          entry.put("message", f.message());
          findings.add(entry);
        }
        file.put("findings", findings);
      }
      files.add(file);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("files", files);
    return Json.write(root);
  }
}
