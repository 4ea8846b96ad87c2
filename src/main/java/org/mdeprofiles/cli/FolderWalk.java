package org.mdeprofiles.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * The files under a folder that {@code wanted} names, recursively, in the order of their sorted
 * path strings, holding one folder's listing per level instead of every path: each folder's
 * entries are sorted by name with a folder's name ending in '/', which is where its paths fall
 * among its siblings' in that order. Links are not followed into folders; a link to a regular
 * file counts. A folder that cannot be listed throws {@link UncheckedIOException} from
 * {@link #hasNext()}.
 */
final class FolderWalk implements Iterator<String> {
  /** An entry of a folder: its path, whether it is a folder to descend, and its sort key. */
  private record Entry(Path path, boolean folder, String key) {}

  private final Predicate<String> wanted;
  private final Deque<Iterator<Entry>> levels = new ArrayDeque<>();
  private String next;
  private int found;

  FolderWalk(Path root, Predicate<String> wanted) {
    this.wanted = wanted;
    levels.push(list(root).iterator());
  }

  /** How many files the walk has handed out so far. */
  int found() {
    return found;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !levels.isEmpty()) {
      Iterator<Entry> level = levels.peek();
      if (!level.hasNext()) {
        levels.pop();
        continue;
      }
      Entry e = level.next();
      if (e.folder()) {
        levels.push(list(e.path()).iterator());
      } else {
        next = e.path().toString();
      }
    }
    return next != null;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String out = next;
    next = null;
    found++;
    return out;
  }

  /** The wanted files and the subfolders of {@code folder}, in walk order. */
  private List<Entry> list(Path folder) {
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path p : stream) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String name = p.getFileName().toString();
        if (a.isDirectory()) {
          entries.add(new Entry(p, true, name + "/"));
        } else if ((a.isRegularFile() || (a.isSymbolicLink() && Files.isRegularFile(p))) && wanted.test(name)) {
          entries.add(new Entry(p, false, name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    entries.sort(Comparator.comparing(Entry::key));
    return entries;
  }
}
