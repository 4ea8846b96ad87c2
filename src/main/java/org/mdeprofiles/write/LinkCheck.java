package org.mdeprofiles.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a symbolic link among the components of paths under one folder, looking at each folder on
 * the way once per run instead of once per file (a bundle's 49 files lie in four folders, and a
 * look at every component of every file was about a tenth of a batch's CPU). A folder seen to be a
 * real folder is not looked at again by the same check, which lives as long as one write under
 * the bundle's lock; the last component is looked at every time.
 */
final class LinkCheck {
  private final Path root;
  private final Set<Path> realFolders = new HashSet<>();

  LinkCheck(Path root) {
    this.root = root;
  }

  /** The first component of {@code relative} under the root that is a symbolic link. */
  Optional<Path> firstLink(String relative) {
    Path at = root;
    Path rel = Path.of(relative);
    int last = rel.getNameCount() - 1;
    for (int i = 0; i <= last; i++) {
      at = at.resolve(rel.getName(i).toString());
      if (i < last && realFolders.contains(at)) {
        continue;
      }
      Optional<BasicFileAttributes> a = attributes(at);
      if (a.isPresent() && a.get().isSymbolicLink()) {
        return Optional.of(at);
      }
      if (i < last && a.isPresent() && a.get().isDirectory()) {
        realFolders.add(at);
      }
    }
    return Optional.empty();
  }

  /** What is at {@code path}, not following a link; empty when nothing is or it cannot be seen. */
  static Optional<BasicFileAttributes> attributes(Path path) {
    try {
      return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
