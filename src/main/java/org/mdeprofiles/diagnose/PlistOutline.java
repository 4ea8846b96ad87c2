package org.mdeprofiles.diagnose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue;

/**
 * A property list pasted into a ticket, as its leaves: each value with the keys above it and the
 * line it is on. Two forms: {@code plutil -p} ({@code "key" => value}, dictionaries in braces,
 * booleans as 1 and 0 or true and false) and XML ({@code plutil -convert xml1 -o - FILE}). Arrays
 * are entered with their index as the key. Bounded: a block of at most {@link #MAX_LINES} lines.
 */
final class PlistOutline {
  /** A value, the dictionary keys (or array indexes) leading to it, and its line (1-based). */
  record Leaf(List<String> path, String value, int line) {}

  static final int MAX_LINES = 20_000;
  private static final int DICT = -1;
  private static final Pattern PLUTIL_OPEN =
      Pattern.compile("^\\s*(?:\"((?:[^\"\\\\]|\\\\.)*+)\"|(\\d+)) => ([{\\[])\\s*$");
  private static final Pattern PLUTIL_LEAF =
      Pattern.compile("^\\s*(?:\"((?:[^\"\\\\]|\\\\.)*+)\"|(\\d+)) => (.*)$");
  private static final Pattern XML_TOKEN =
      Pattern.compile(
          "<key>([^<]*)</key>|<(dict|array)>|</(dict|array)>|<(dict|array)/>|<(true|false)/>"
              + "|<(string|integer|real|date|data)>([^<]*)</(?:string|integer|real|date|data)>|<string/>"
              + "|(<!--[\\s\\S]*?-->)");

  private PlistOutline() {}

  /**
   * The line after the block that starts at {@code start}: its closing brace or {@code </plist>};
   * -1 if none.
   */
  static int end(String[] lines, int start) {
    boolean xml = !lines[start].trim().startsWith("{");
    int depth = 0;
    for (int i = start; i < lines.length && i - start < MAX_LINES; i++) {
      String line = lines[i].trim();
      if (xml) {
        if (line.contains("</plist>")) {
          return i;
        }
        continue;
      }
      if (line.endsWith("{") || line.endsWith("[")) {
        depth++;
      } else if (line.equals("}") || line.equals("]")) {
        if (--depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The leaves of {@code plutil -p} output on lines {@code start..end}, or empty when it is not
   * that.
   */
  static Optional<List<Leaf>> plutil(String[] lines, int start, int end) {
    if (!lines[start].trim().equals("{")) {
      return Optional.empty();
    }
    List<Leaf> leaves = new ArrayList<>();
    Deque<String> path = new ArrayDeque<>();
    for (int i = start + 1; i < end; i++) {
      String line = lines[i];
      Matcher m;
      if ((m = PLUTIL_OPEN.matcher(line)).matches()) {
        path.addLast(key(m));
      } else if (line.trim().equals("}") || line.trim().equals("]")) {
        if (path.pollLast() == null) {
          return Optional.empty();
        }
      } else if ((m = PLUTIL_LEAF.matcher(line)).matches()) {
        leaves.add(new Leaf(with(path, key(m)), unquote(m.group(3).trim()), i + 1));
      } else if (!line.isBlank()) {
        return Optional.empty();
      }
    }
    return path.isEmpty() ? Optional.of(leaves) : Optional.empty();
  }

  /** A pasted XML property list: its value as the plist reader reads it, and each leaf's line. */
  record Xml(PlistValue root, List<Leaf> leaves) {}

  /**
   * The XML property list on lines {@code start..end}, or empty when it is none: read with the
   * plist reader (well-formed, every bound applied), and only then outlined for line numbers, so
   * its tags balance and its comments close.
   */
  static Optional<Xml> xml(String[] lines, int start, int end) {
    // One text, so a value may span lines (data is wrapped); each token's line is counted on.
    String text = String.join("\n", Arrays.copyOfRange(lines, start, end + 1));
    Optional<PlistValue> root;
    try {
      root = PlistReader.read(text.getBytes(StandardCharsets.UTF_8)).root();
    } catch (PlistFormatException e) {
      return Optional.empty();
    }
    return root.flatMap(r -> outline(text, start + 1).map(leaves -> new Xml(r, leaves)));
  }

  /** The leaves of the well-formed XML {@code text}, whose first line is line {@code first}. */
  private static Optional<List<Leaf>> outline(String text, int first) {
    List<Leaf> leaves = new ArrayList<>();
    // Each open container: its key in the path, and for an array the next index (DICT for a
    // dictionary).
    Deque<String> path = new ArrayDeque<>();
    Deque<int[]> arrays = new ArrayDeque<>();
    String pending = null;
    boolean root = true;
    int line = first;
    int at = 0;
    Matcher m = XML_TOKEN.matcher(text);
    while (m.find()) {
      for (; at < m.start(); at++) {
        if (text.charAt(at) == '\n') {
          line++;
        }
      }
      if (m.group(8) != null) {
        continue; // a comment: no value (the block is well-formed, so it closes)
      }
      if (m.group(1) != null) {
        pending = entities(m.group(1));
        continue;
      }
      String key = root ? null : keyIn(pending, arrays);
      pending = null;
      if (m.group(2) != null) {
        if (!root) {
          path.addLast(key);
        }
        arrays.addLast(new int[] {m.group(2).equals("array") ? 0 : DICT});
        root = false;
      } else if (m.group(3) != null) {
        if (arrays.isEmpty()) {
          return Optional.empty();
        }
        arrays.removeLast();
        path.pollLast();
      } else if (!root) {
        String value =
            m.group(5) != null ? m.group(5) : m.group(7) != null ? entities(m.group(7)).trim() : "";
        leaves.add(new Leaf(with(path, key), value, line));
      }
    }
    return root ? Optional.empty() : Optional.of(leaves);
  }

  /**
   * The key of a value in the innermost container: the pending dictionary key, or the array index.
   */
  private static String keyIn(String pending, Deque<int[]> arrays) {
    int[] index = arrays.peekLast();
    if (index != null && index[0] != DICT) {
      return String.valueOf(index[0]++);
    }
    return pending == null ? "" : pending;
  }

  private static List<String> with(Deque<String> path, String key) {
    List<String> out = new ArrayList<>(path);
    out.add(key);
    return List.copyOf(out);
  }

  private static String key(Matcher m) {
    return m.group(1) != null ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(2);
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\")
        : v;
  }

  private static String entities(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
