package org.mdeprofiles.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Looks along paths under one folder for symbolic links, looking at each folder on the way once
 * instead of once per file: a bundle's 49 files lie in four folders, and a look at every component
 * of every file was about a tenth of a batch's CPU. A check serves one pass in which no folder it
 * has looked at is made or removed (the bundle's lock keeps other runs out); the last component of
 * a path is looked at every time it is asked for.
 */
final class LinkCheck {
  /** What a look along a path found: the first link on it, or else what is at its end, if anything. */
  record Look(Optional<Path> link, Optional<BasicFileAttributes> end) {}

  private final Path root;
  /** Each folder looked at: its attributes, or empty when nothing was there. */
  private final Map<Path, Optional<BasicFileAttributes>> folders = new HashMap<>();

  LinkCheck(Path root) {
    this.root = root;
  }

  /** The look along {@code relative} under the root; a path below a missing folder has nothing at its end. */
  Look look(String relative) {
    Path rel = Path.of(relative);
    Way way = way(rel);
    if (way.link().isPresent() || way.missing()) {
      return new Look(way.link(), Optional.empty());
    }
    Path end = root.resolve(rel);
    Optional<BasicFileAttributes> a = attributes(end);
    return a.isPresent() && a.get().isSymbolicLink() ? new Look(Optional.of(end), Optional.empty())
        : new Look(Optional.empty(), a);
  }

  /** The first of the folders on the way to {@code relative} that is a link, if one is. */
  Optional<Path> linkedFolder(String relative) {
    return way(Path.of(relative)).link();
  }

  /** True for a regular file at {@code relative}, inside the root and reached through no link. */
  boolean isPlainFile(String relative) {
    Path top = root.toAbsolutePath().normalize();
    Path file = top.resolve(relative).normalize();
    return file.startsWith(top) && !file.equals(top) && look(relative).link().isEmpty()
        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
  }

  /** The folders on the way to a path: the first that is a link, or whether one is missing. */
  private record Way(Optional<Path> link, boolean missing) {}

  private Way way(Path rel) {
    Path at = root;
    for (int i = 0; i < rel.getNameCount() - 1; i++) {
      at = at.resolve(rel.getName(i).toString());
      Optional<BasicFileAttributes> folder = folders.computeIfAbsent(at, LinkCheck::attributes);
      if (folder.isEmpty()) {
        return new Way(Optional.empty(), true);
      }
      if (folder.get().isSymbolicLink()) {
        return new Way(Optional.of(at), false);
      }
    }
    return new Way(Optional.empty(), false);
  }

  /** What is at {@code path}, not following a link; empty when nothing is or it cannot be seen. */
  private static Optional<BasicFileAttributes> attributes(Path path) {
    try {
      return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
