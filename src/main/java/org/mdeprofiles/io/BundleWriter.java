package org.mdeprofiles.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mdeprofiles.pack.BundleFile;

/**
 * Writes a bundle all or nothing: every file goes to a temporary file beside its target, and only
 * when all are written are they renamed into place, the manifest last. A file the tool did not
 * write (one the previous manifest does not list) is never replaced without {@code force}.
 */
public final class BundleWriter {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private BundleWriter() {}

  /** Writes {@code files} and the manifest under {@code outDir}. */
  public static void write(Path outDir, List<BundleFile> files, boolean force) throws OutputException {
    Map<Path, byte[]> targets = new LinkedHashMap<>();
    java.util.Set<Path> secrets = new java.util.HashSet<>();
    for (BundleFile f : files) {
      targets.put(outDir.resolve(f.path()), f.bytes());
      if (f.secret()) {
        secrets.add(outDir.resolve(f.path()));
      }
    }
    targets.put(outDir.resolve(Manifest.FILE_NAME), Manifest.render(files));
    Set<String> previous = previousPaths(outDir, force);
    checkOverwrites(outDir, targets, previous, force);

    Deque<Path> createdDirs = new ArrayDeque<>();
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, byte[]> e : targets.entrySet()) {
        Path parent = e.getKey().getParent();
        createDirectories(parent, createdDirs);
        Path temp = createTemp(parent, staged.size());
        staged.put(e.getKey(), temp);
        Files.write(temp, e.getValue());
        permit(temp, !secrets.contains(e.getKey()));
      }
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        move(e.getValue(), e.getKey());
      }
    } catch (IOException e) {
      staged.values().forEach(BundleWriter::deleteQuietly);
      createdDirs.forEach(BundleWriter::deleteQuietly);
      throw new OutputException(outDir + ": cannot write the bundle: " + IoProblem.describe(e));
    }
    removeStale(outDir, previous, targets.keySet());
  }

  private static Set<String> previousPaths(Path outDir, boolean force) throws OutputException {
    Path manifest = outDir.resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(manifest)) {
      return Set.of();
    }
    Optional<Set<String>> paths;
    try {
      paths = Manifest.paths(Files.readString(manifest, StandardCharsets.UTF_8));
    } catch (IOException e) {
      paths = Optional.empty();
    }
    if (paths.isEmpty() && !force) {
      throw new OutputException(
          manifest + ": exists but is not a manifest written by mde-profiles (use --force to replace it)");
    }
    return paths.orElse(Set.of());
  }

  private static void checkOverwrites(Path outDir, Map<Path, byte[]> targets, Set<String> previous, boolean force)
      throws OutputException {
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new OutputException(outDir + ": exists and is not a directory");
    }
    for (Path target : targets.keySet()) {
      if (Files.isDirectory(target)) {
        throw new OutputException(target + ": is a directory where the bundle needs a file");
      }
      String relative = outDir.relativize(target).toString().replace('\\', '/');
      boolean ours = previous.contains(relative) || relative.equals(Manifest.FILE_NAME);
      if (Files.exists(target) && !ours && !force) {
        throw new OutputException(
            target + ": exists and was not written by mde-profiles (use --force to overwrite)");
      }
    }
  }

  /**
   * A new, private temporary file in {@code dir}, named by this process and a counter: no random
   * names, so no secure random generator to seed on every run. A name left by a crashed run is
   * skipped, never reused.
   */
  private static Path createTemp(Path dir, int counter) throws IOException {
    String prefix = ".mde-profiles-" + ProcessHandle.current().pid() + "-" + counter;
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve(prefix + (attempt == 0 ? "" : "-" + attempt) + ".tmp");
      try {
        return POSIX ? Files.createFile(temp, PRIVATE) : Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }

  /** Temporary files start private; what is not secret becomes readable by all, as files usually are. */
  private static void permit(Path file, boolean everyone) throws IOException {
    if (everyone && POSIX) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static void createDirectories(Path dir, Deque<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      created.push(p);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void removeStale(Path outDir, Set<String> previous, Set<Path> current) {
    Set<Path> written = new java.util.HashSet<>();
    current.forEach(p -> written.add(p.toAbsolutePath().normalize()));
    Path root = outDir.toAbsolutePath().normalize();
    for (String path : previous) {
      Path old = root.resolve(path).normalize();
      if (old.startsWith(root) && !written.contains(old) && Files.isRegularFile(old)) {
        deleteQuietly(old);
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Best effort: the failure that brought us here is what gets reported.
    }
  }
}
