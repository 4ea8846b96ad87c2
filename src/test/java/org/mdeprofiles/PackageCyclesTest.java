package org.mdeprofiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One concern per package, and no package that needs, through others, one that needs it. */
class PackageCyclesTest {
  private static final Path MAIN = Path.of("src/main/java/org/mdeprofiles");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.mdeprofiles\\.([a-z]+)\\.",
      Pattern.MULTILINE);

  /** Package to the packages its classes import (the facade in the root package is "root"). */
  private static Map<String, Set<String>> imports() throws Exception {
    Map<String, Set<String>> deps = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(MAIN)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path parent = MAIN.relativize(file).getParent();
        String pkg = parent == null ? "root" : parent.toString();
        Set<String> set = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
        String text = Files.readString(file);
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            set.add(m.group(1));
          }
        }
        if (!pkg.equals("root") && Pattern.compile("^import org\\.mdeprofiles\\.[A-Z]", Pattern.MULTILINE)
            .matcher(text).find()) {
          set.add("root");
        }
      }
    }
    return deps;
  }

  @Test
  void noPackageReachesItself() throws Exception {
    Map<String, Set<String>> deps = imports();
    List<String> cycles = new ArrayList<>();
    for (String start : deps.keySet()) {
      if (reaches(deps, start, start, new TreeSet<>())) {
        cycles.add(start);
      }
    }
    assertEquals(List.of(), cycles, "packages on a cycle, with the imports " + deps);
  }

  private static boolean reaches(Map<String, Set<String>> deps, String from, String target, Set<String> seen) {
    for (String next : deps.getOrDefault(from, Set.of())) {
      if (next.equals(target) || (seen.add(next) && reaches(deps, next, target, seen))) {
        return true;
      }
    }
    return false;
  }
}
