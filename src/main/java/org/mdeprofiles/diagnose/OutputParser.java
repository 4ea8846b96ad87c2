package org.mdeprofiles.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdeprofiles.catalog.Defender;
import org.mdeprofiles.io.JsonReader;

/**
 * Reads what a Mac printed: {@code mdatp health} (text, JSON, or the legacy {@code mdatp --health}),
 * {@code kextutil}, {@code systemextensionsctl list} and {@code profiles} output, mixed in any
 * order, into {@link MacFacts}.
 */
final class OutputParser {
  private static final Pattern BANNER = Pattern.compile("^\\s*ATTENTION: No license found.*");
  private static final Pattern KEXT_REJECTED =
      Pattern.compile("Kext rejected due to system policy:.*ID\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern EXTENSION_ROW =
      Pattern.compile(".*\\t([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+) \\([^)]*\\)\\t.*\\[([^\\]]+)\\]\\s*$");
  private static final Pattern EXTENSION_NOISE =
      Pattern.compile("^(\\d+ extension\\(s\\)|--- com\\.apple\\.system_extension.*|enabled\\s+active\\s+teamID.*)$");
  private static final Pattern PROFILE_ID = Pattern.compile("profileIdentifier:\\s*(\\S+)");
  private static final Pattern PAYLOAD_TYPE = Pattern.compile("payload\\[\\d+\\]\\s+type\\s*=\\s*(\\S+)");
  private static final Pattern PAYLOAD_ID = Pattern.compile("payload\\[\\d+\\]\\s+identifier\\s*=\\s*(\\S+)");
  private static final Pattern PROFILES_NOISE = Pattern.compile(
      "^(_computerlevel|There (are|is) \\d+ configuration profiles? installed|There are no configuration profiles).*");
  private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9_]*)\\s*:(.*)$");
  // mdatp connectivity test: "Testing connection with URL ... [OK]" for each endpoint (Microsoft's
  // "Troubleshoot cloud connectivity issues" pages); a failure's wording is not documented, so
  // anything other than [OK] after the dots is a failure, shown as printed.
  private static final Pattern CONNECTION = Pattern.compile("^\\s*Testing connection with (\\S+) \\.\\.\\.\\s*(.*)$");
  // The offboarding script leaves com.microsoft.wdav.atp.offboarding.plist in
  // /Library/Application Support/Microsoft/Defender/, and Jamf deploys offboarding as that
  // preference domain (Microsoft's license troubleshooting and uninstall pages).
  private static final Pattern OFFBOARDING = Pattern.compile("com\\.microsoft\\.wdav\\.atp\\.offboarding\\b");
  private static final Pattern ABSENT = Pattern.compile("No such file or directory|does not exist");
  private static final String MANAGED = "[managed]";
  // Possessive, so a long quoted item is one step per run of plain characters, not a stack frame
  // per character (a 1,500-character health issue overflowed the stack).
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]++|\\\\.)*+)\"");
  /** Lines longer than this are no tool's output: not interpreted, so no pattern sees them. */
  static final int MAX_LINE = 4096;
  /** A JSON object mdatp prints closes within this many lines. */
  static final int MAX_JSON_LINES = 1000;
  /** Items kept of one health-issue list, and health issues in all. */
  static final int MAX_ISSUES = 100;

  private OutputParser() {}

  static void parse(String source, String text, MacFacts facts) {
    String[] lines = text.split("\r?\n", -1);
    int jsonTries = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.length() > MAX_LINE) {
        continue;
      }
      // Each try scans ahead; a bounded number of them keeps 100,000 lines of '{' linear.
      String trimmed = line.trim();
      if (trimmed.startsWith("{") && jsonTries++ < 100) {
        int end = jsonEnd(lines, i);
        if (end >= 0 && json(source, lines, i, end, facts)) {
          i = end;
          continue;
        }
        end = PlistOutline.end(lines, i);
        if (end >= 0 && overrides(source, lines, PlistOutline.plutil(lines, i, end), facts)) {
          i = end;
          continue;
        }
      }
      if ((trimmed.startsWith("<?xml") || trimmed.startsWith("<plist")) && jsonTries++ < 100) {
        int end = PlistOutline.end(lines, i);
        java.util.Optional<PlistOutline.Xml> xml = end < 0 ? java.util.Optional.empty()
            : PlistOutline.xml(lines, i, end);
        if (xml.isPresent() && (overrides(source, lines, xml.map(PlistOutline.Xml::leaves), facts)
            || ProfilesXml.read(source, lines, xml.get().root(), xml.get().leaves(), facts))) {
          i = end;
          continue;
        }
      }
      line(source, i + 1, line, facts);
    }
  }

  /** Records MDMOverrides.plist's grants; false when the block is no such plist. */
  private static boolean overrides(String source, String[] lines, java.util.Optional<List<PlistOutline.Leaf>> leaves,
      MacFacts facts) {
    java.util.Optional<List<TccOverrides.Grant>> grants =
        leaves.flatMap(l -> TccOverrides.read(source, lines, l));
    grants.ifPresent(g -> {
      facts.tccOverridesSeen = true;
      facts.tccGrants.addAll(g);
      facts.recognised++;
    });
    return grants.isPresent();
  }

  private static void line(String source, int number, String line, MacFacts facts) {
    Evidence at = new Evidence(source, number, line.strip());
    Matcher m;
    if (line.isBlank()) {
      return;
    }
    if (OFFBOARDING.matcher(line).find()) {
      // "ls: ...offboarding.plist: No such file or directory" says it is not there.
      if (!ABSENT.matcher(line).find()) {
        facts.offboarding.add(at);
      }
      facts.recognised++;
    }
    if ((m = CONNECTION.matcher(line)).matches()) {
      facts.connections.add(new MacFacts.Connection(m.group(1), m.group(2).trim().equalsIgnoreCase("[OK]"), at));
    } else if (BANNER.matcher(line).matches()) {
      facts.licenseBanners.add(at);
    } else if ((m = KEXT_REJECTED.matcher(line)).find()) {
      if (m.group(1).equals(Defender.KEXT_BUNDLE_ID)) {
        facts.kextRejections.add(at);
      }
    } else if ((m = EXTENSION_ROW.matcher(line)).matches()) {
      facts.extensions.put(m.group(1), new MacFacts.ExtensionState(m.group(2).trim(), at));
    } else if ((m = PROFILE_ID.matcher(line)).find()) {
      facts.installedProfiles.add(m.group(1));
      facts.profileLines.add(at);
    } else if ((m = PAYLOAD_TYPE.matcher(line)).find()) {
      facts.installedPayloadTypes.add(m.group(1));
      facts.installedPayloads.add(new MacFacts.Field(m.group(1), at));
    } else if ((m = PAYLOAD_ID.matcher(line)).find()) {
      facts.installedPayloadIdentifiers.add(m.group(1));
    } else if (EXTENSION_NOISE.matcher(line.trim()).matches() || PROFILES_NOISE.matcher(line.trim()).matches()) {
      // Headers of systemextensionsctl and profiles output: recognised, nothing to conclude.
    } else if ((m = FIELD.matcher(line)).matches()) {
      // The legacy mdatp --health text (camelCase keys) marks nothing; today's marks [managed].
      boolean legacy = !m.group(1).equals(m.group(1).toLowerCase(Locale.ROOT));
      field(snakeCase(m.group(1)), m.group(2), at, facts, legacy ? MacFacts.Managed.UNKNOWN
          : m.group(2).trim().endsWith(MANAGED) ? MacFacts.Managed.YES : MacFacts.Managed.NO);
    } else {
      return;
    }
    facts.recognised++;
  }

  private static void field(String key, String raw, Evidence at, MacFacts facts, MacFacts.Managed managed) {
    String value = raw.trim();
    if (value.endsWith(MANAGED)) {
      value = value.substring(0, value.length() - MANAGED.length()).trim();
    }
    if (key.equals("health_issues")) {
      for (String issue : list(value)) {
        addIssue(facts, new MacFacts.Field(issue, at));
      }
    }
    MacFacts.Field field = new MacFacts.Field(unquote(value), at, managed);
    facts.fields.put(key, field);
    if (!MdatpFields.KNOWN.contains(key)) {
      facts.unknownFields.add(field);
    }
  }

  private static void addIssue(MacFacts facts, MacFacts.Field issue) {
    if (facts.healthIssues.size() < MAX_ISSUES) {
      facts.healthIssues.add(issue);
    }
  }

  /** The items of {@code ["a", "b"]}, or of an unbracketed single value. */
  static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    String v = value.trim();
    if (v.startsWith("[") && v.endsWith("]")) {
      Matcher m = QUOTED.matcher(v);
      while (m.find()) {
        items.add(m.group(1));
      }
    } else if (!v.isEmpty() && !v.equals("unavailable")) {
      items.add(unquote(v));
    }
    return items;
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
  }

  /** {@code realTimeProtectionEnabled} becomes {@code real_time_protection_enabled}. */
  static String snakeCase(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** The line where the JSON object starting on line {@code start} closes, or -1. */
  private static int jsonEnd(String[] lines, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < lines.length && i - start < MAX_JSON_LINES; i++) {
      String line = lines[i];
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (inString) {
          if (ch == '\\') {
            c++;
          } else if (ch == '"') {
            inString = false;
          }
        } else if (ch == '"') {
          inString = true;
        } else if (ch == '{') {
          depth++;
        } else if (ch == '}' && --depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Reads {@code mdatp health --output json}; false when the block is no such JSON object. */
  private static boolean json(String source, String[] lines, int start, int end, MacFacts facts) {
    String text = String.join("\n", java.util.Arrays.copyOfRange(lines, start, end + 1));
    Object root;
    try {
      root = JsonReader.parse(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!(root instanceof Map<?, ?> map)) {
      return false;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      // The evidence is the line as mdatp printed it, not the parsed value ({value=true}).
      int number = lineOf(lines, start, end, key);
      Evidence at = new Evidence(source, number, lines[number - 1].strip());
      Object value = e.getValue() instanceof Map<?, ?> object
          ? (object.containsKey("value") ? object.get("value") : object.get("$type"))
          : e.getValue();
      if (value instanceof List<?> items) {
        String snake = snakeCase(key);
        MacFacts.Field field = new MacFacts.Field(items.toString(), at);
        facts.fields.put(snake, field);
        if (snake.equals("health_issues")) {
          items.forEach(item -> addIssue(facts, new MacFacts.Field(String.valueOf(item), at)));
        } else if (!MdatpFields.KNOWN.contains(snake)) {
          facts.unknownFields.add(field);
        }
      } else {
        MacFacts.Managed managed = !(e.getValue() instanceof Map<?, ?> object) || !object.containsKey("isManaged")
            ? MacFacts.Managed.UNKNOWN
            : Boolean.TRUE.equals(object.get("isManaged")) ? MacFacts.Managed.YES : MacFacts.Managed.NO;
        field(snakeCase(key), value == null ? "unavailable" : String.valueOf(value), at, facts, managed);
      }
      facts.recognised++;
    }
    return true;
  }

  private static int lineOf(String[] lines, int start, int end, String key) {
    for (int i = start; i <= end; i++) {
      if (lines[i].contains("\"" + key + "\"")) {
        return i + 1;
      }
    }
    return start + 1;
  }
}
