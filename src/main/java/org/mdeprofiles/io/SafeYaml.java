package org.mdeprofiles.io;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads YAML (and so JSON) into plain maps, lists and scalars: no object construction, no
 * duplicate keys, bounded aliases, size and nesting.
 */
public final class SafeYaml {
  private static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

  private SafeYaml() {}

  /** Parses untrusted {@code text}; the exception's message is one line naming the position. */
  public static Object load(String text) {
    // Few aliases: a tree of aliases to aliases grows exponentially when walked.
    return load(text, 10);
  }

  /** Parses {@code text} allowing up to {@code maxAliases} aliases (for the project's own files). */
  public static Object load(String text, int maxAliases) {
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
      throw new IllegalArgumentException(oneLine(e.getMessage()), e);
    }
  }

  private static String oneLine(String text) {
    return text == null ? "unreadable YAML" : text.replaceAll("\\s+", " ").trim();
  }
}
