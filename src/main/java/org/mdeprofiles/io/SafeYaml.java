package org.mdeprofiles.io;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads YAML (and so JSON) into plain maps, lists and scalars: no object construction, no
 * duplicate keys, bounded aliases, size, line length and nesting.
 */
public final class SafeYaml {
  static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
  /** SnakeYAML's scanner slows with the square of a line's length (6 million characters: 33 s). */
  static final int MAX_LINE = 64 * 1024;

  private SafeYaml() {}

  /**
   * Parses untrusted {@code text}; the exception's message is one line naming the position. No
   * alias may stand for a mapping or a list: one could hold itself (a cycle) or repeat a large
   * list in a tree of aliases (gigabytes when walked); aliases of plain values are fine.
   */
  public static Object load(String text) {
    return load(text, 0);
  }

  /** Parses {@code text} allowing up to {@code maxAliases} aliases (for the project's own files). */
  public static Object load(String text, int maxAliases) {
    if (text.length() > MAX_CODE_POINTS) {
      throw new IllegalArgumentException("longer than " + MAX_CODE_POINTS + " characters");
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - lineStart > MAX_LINE) {
          throw new IllegalArgumentException("line " + line + " is longer than " + MAX_LINE + " characters");
        }
        line++;
        lineStart = i + 1;
      }
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(maxAliases);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(MAX_CODE_POINTS);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try {
      return yaml.load(text);
    } catch (MarkedYAMLException e) {
      String where =
          e.getProblemMark() == null
              ? ""
              : " at line " + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1);
      throw new IllegalArgumentException(oneLine(e.getProblem()) + where, e);
    } catch (YAMLException e) {
      if (String.valueOf(e.getMessage()).startsWith("Number of aliases for non-scalar nodes")) {
        throw new IllegalArgumentException("an alias (*name) stands for a mapping or a list; only plain values"
            + " may be aliased", e);
      }
      throw new IllegalArgumentException(oneLine(e.getMessage()), e);
    }
  }

  private static String oneLine(String text) {
    return text == null ? "unreadable YAML" : text.replaceAll("\\s+", " ").trim();
  }
}
