package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lazy walk gives exactly the files, and the order, of a whole sorted walk. */
class FolderWalkTest {
  @TempDir Path dir;

  private static final Predicate<String> PROFILES = n -> !n.endsWith(".classic.xml")
      && (n.endsWith(".mobileconfig") || n.endsWith(".plist") || n.endsWith(".xml"));

  /** What validate did before: every matching path found at once, then sorted as strings. */
  private static List<String> wholeWalk(Path root) throws Exception {
    try (Stream<Path> walk = Files.find(root, Integer.MAX_VALUE, (p, a) ->
        (a.isRegularFile() || (a.isSymbolicLink() && Files.isRegularFile(p))) && PROFILES.test(p.getFileName().toString()))) {
      return walk.map(Path::toString).sorted().toList();
    }
  }

  private static List<String> lazyWalk(Path root) {
    List<String> out = new ArrayList<>();
    new FolderWalk(root, PROFILES).forEachRemaining(out::add);
    return out;
  }

  private void file(String relative) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
  }

  @Test
  void namesThatSortAroundTheSlashComeInTheWholeWalksOrder() throws Exception {
    for (String f : List.of("a/x.mobileconfig", "a-b/x.mobileconfig", "a.mobileconfig", "a0.plist", "a/b/c.xml",
        "a/b.plist", "a/b-c/d.mobileconfig", "A.mobileconfig", "z.classic.xml", "x.mobileconfig/inside.plist",
        "deep/er/est/one.mobileconfig", "deep/er.plist", "notes.txt", "a b/x.xml", "a_b/x.xml", "\u00e9/x.xml")) {
      file(f);
    }
    Files.createSymbolicLink(dir.resolve("link.mobileconfig"), dir.resolve("a.mobileconfig"));
    Files.createSymbolicLink(dir.resolve("linked-folder"), dir.resolve("a"));
    Files.createSymbolicLink(dir.resolve("dangling.plist"), dir.resolve("nowhere"));
    List<String> expected = wholeWalk(dir);
    assertEquals(15, expected.size(), expected.toString());
    assertEquals(expected, lazyWalk(dir));
  }

  @Test
  void theCountIsWhatWasHandedOutAndAMissingFolderThrowsUnchecked() throws Exception {
    file("only.mobileconfig");
    FolderWalk walk = new FolderWalk(dir, PROFILES);
    assertEquals(0, walk.found());
    walk.next();
    assertEquals(1, walk.found());
    assertEquals(false, walk.hasNext());
    assertThrows(java.io.UncheckedIOException.class, () -> new FolderWalk(dir.resolve("gone"), PROFILES));
  }
}
