package org.mdeprofiles.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The staging folder, its journal and the switch they drive, for {@link BundleWriter}. Every step
 * of the switch can be repeated, so a switch a kill interrupted is finished by the next run.
 *
 * <p>The journal lists the files to move into place (the manifest last) and the stale files to
 * delete; a top folder that {@code --out} does not have yet (all of them, the first time) is listed
 * once, as {@code move jamf/}, and moves whole. Once the journal is synced the switch is committed:
 * the old manifest is removed, so that a folder in the middle of a switch has no manifest and is
 * no bundle, then the files move, stale files go, and the new manifest arrives.
 */
final class StagedSwitch {
  static final String STAGING = ".mde-profiles-staging";
  static final String JOURNAL = ".journal";
  /** Test hook: the process halts, as under kill -9, after this many steps of a write. */
  static final String HALT_AFTER_STEP = "mde-profiles.test.haltAfterStep";
  /** Test hook: the write fails, as on a full disk, after this many steps. */
  static final String FAIL_AFTER_STEP = "mde-profiles.test.failAfterStep";

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  /** Temporary files earlier versions left beside their targets. */
  private static final Pattern OLD_TEMP = Pattern.compile("\\.mde-profiles-\\d+-\\d+(-\\d+)?\\.tmp");

  /** Syncs made by this JVM, for tests that check what a write syncs. */
  static final AtomicLong SYNCS = new AtomicLong();

  private static int steps;

  private StagedSwitch() {}

  /** Stages {@code contents} (relative path to bytes), commits the switch, and carries it out. */
  static void write(Path outDir, Map<String, byte[]> contents, Set<String> secrets, List<String> stale,
      Durability durability) throws IOException {
    steps = 0;
    Path staging = outDir.resolve(STAGING);
    try {
      Files.createDirectory(staging);
      Set<String> moves = new LinkedHashSet<>();
      Map<String, Boolean> newTops = new HashMap<>();
      // Each folder made once and synced once, the staging folder itself among them.
      Set<Path> folders = new LinkedHashSet<>(List.of(staging));
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        Path file = staging.resolve(e.getKey());
        if (!folders.contains(file.getParent())) {
          Files.createDirectories(file.getParent());
          for (Path f = file.getParent(); !f.equals(staging); f = f.getParent()) {
            folders.add(f);
          }
        }
        write(file, e.getValue(), secrets.contains(e.getKey()), durability);
        step();
        if (!e.getKey().equals(Manifest.FILE_NAME)) {
          moves.add(moveOf(outDir, e.getKey(), newTops));
        }
      }
      for (Path folder : folders) {
        sync(folder, durability);
      }
      StringBuilder journal = new StringBuilder();
      moves.forEach(p -> journal.append("move ").append(p).append('\n'));
      stale.forEach(p -> journal.append("delete ").append(p).append('\n'));
      Path pending = staging.resolve(JOURNAL + ".pending");
      write(pending, journal.toString().getBytes(StandardCharsets.UTF_8), true, durability);
      move(pending, staging.resolve(JOURNAL));
      sync(staging, durability);
    } catch (IOException e) {
      // Not committed (a full disk, say): the old bundle stands, and no staged copy of a secret stays.
      deleteTree(staging);
      throw e;
    }
    step();
    apply(outDir, durability);
  }

  /** Finishes a committed switch that a kill interrupted, or discards an uncommitted one. */
  static void recover(Path outDir) throws IOException {
    Path staging = outDir.resolve(STAGING);
    cleanOldTemps(outDir);
    if (Files.isSymbolicLink(staging)) {
      Files.delete(staging);
    } else if (Files.isRegularFile(staging.resolve(JOURNAL), LinkOption.NOFOLLOW_LINKS)) {
      apply(outDir, Durability.SYNCED);
    } else if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
      deleteTree(staging);
    }
  }

  private static void apply(Path outDir, Durability durability) throws IOException {
    Path staging = outDir.resolve(STAGING);
    List<String> moves = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    for (String line : Files.readAllLines(staging.resolve(JOURNAL), StandardCharsets.UTF_8)) {
      if (line.startsWith("move ")) {
        moves.add(safe(line.substring(5)));
      } else if (line.startsWith("delete ")) {
        deletes.add(safe(line.substring(7)));
      }
    }
    Path manifest = outDir.resolve(Manifest.FILE_NAME);
    Path newManifest = staging.resolve(Manifest.FILE_NAME);
    if (Files.exists(newManifest, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(manifest);
      sync(outDir, durability);
      step();
    }
    LinkCheck links = new LinkCheck(outDir);
    // Each folder a file moves into, made once and synced once (a bundle's 49 files live in four).
    Set<Path> folders = new LinkedHashSet<>();
    for (String path : moves) {
      Path from = staging.resolve(path);
      if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        continue; // moved before the kill
      }
      if (path.endsWith("/") && !Files.exists(outDir.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
        // A new top folder: one rename into --out, with everything staged under it.
        move(from, outDir.resolve(path));
        folders.add(outDir);
        step();
      } else if (path.endsWith("/")) {
        // Something took its name since the commit: its files move one by one, checked as any.
        for (String file : filesUnder(staging, from)) {
          moveFile(outDir, staging, file, links, folders);
        }
      } else {
        moveFile(outDir, staging, path, links, folders);
      }
    }
    for (String path : deletes) {
      if (links.isPlainFile(path)) {
        Files.delete(outDir.resolve(path).normalize());
        step();
      }
    }
    for (Path folder : folders) {
      sync(folder, durability);
    }
    if (Files.exists(newManifest, LinkOption.NOFOLLOW_LINKS)) {
      move(newManifest, manifest);
      sync(outDir, durability);
      step();
    }
    deleteTree(staging);
    sync(outDir, durability);
  }

  /**
   * How the journal moves {@code path}: as its top folder ({@code jamf/}) when {@code --out} has
   * nothing of that name, else as itself.
   */
  private static String moveOf(Path outDir, String path, Map<String, Boolean> newTops) {
    int slash = path.indexOf('/');
    if (slash <= 0) {
      return path;
    }
    String top = path.substring(0, slash + 1);
    boolean isNew = newTops.computeIfAbsent(top, t -> !Files.exists(outDir.resolve(t), LinkOption.NOFOLLOW_LINKS));
    return isNew ? top : path;
  }

  private static void moveFile(Path outDir, Path staging, String path, LinkCheck links, Set<Path> folders)
      throws IOException {
    Path to = outDir.resolve(path);
    if (folders.add(to.getParent())) {
      Files.createDirectories(to.getParent());
    }
    // Its folders only: a rename replaces a link where the file goes, writing nothing through it.
    Optional<Path> link = links.linkedFolder(path);
    if (link.isPresent()) {
      throw new IOException(link.get() + " became a symbolic link");
    }
    move(staging.resolve(path), to);
    step();
  }

  /** The files under {@code folder} as paths relative to {@code staging}, following no link. */
  private static List<String> filesUnder(Path staging, Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted()
          .map(p -> staging.relativize(p).toString().replace('\\', '/')).toList();
    }
  }

  /**
   * A journal path: a file's, or a top folder's with its '/'. Refused unless it names something
   * inside the folder plainly (no "..", no ".", no empty step, not the folder itself).
   */
  private static String safe(String path) throws IOException {
    String bare = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    boolean plain = !bare.isEmpty() && !bare.startsWith("/") && !bare.contains("\\")
        && (!path.endsWith("/") || !bare.contains("/"));
    for (String step : bare.split("/", -1)) {
      plain &= !step.isEmpty() && !step.equals(".") && !step.equals("..");
    }
    if (!plain) {
      throw new IOException("the staging journal names a path that is not inside the folder: " + path
          + " (mde-profiles writes none such: remove " + STAGING + " and run again)");
    }
    return path;
  }

  private static void step() throws IOException {
    steps++;
    String halt = System.getProperty(HALT_AFTER_STEP);
    if (halt != null && Integer.parseInt(halt) == steps) {
      Runtime.getRuntime().halt(137);
    }
    String fail = System.getProperty(FAIL_AFTER_STEP);
    if (fail != null && Integer.parseInt(fail) == steps) {
      throw new IOException("No space left on device");
    }
  }

  private static void write(Path file, byte[] bytes, boolean secret, Durability durability) throws IOException {
    // Created and written through one open (private until the bytes are written).
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try (FileChannel channel = POSIX ? FileChannel.open(file, options, PRIVATE) : FileChannel.open(file, options)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      force(channel, durability);
    }
    if (!secret && POSIX) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Syncs a folder's entries to disk, where the platform allows opening a folder (Linux does). */
  private static void sync(Path dir, Durability durability) {
    if (durability == Durability.UNSYNCED) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      force(channel, durability);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort: not every platform can sync a folder.
    }
  }

  private static void force(FileChannel channel, Durability durability) throws IOException {
    if (durability == Durability.SYNCED) {
      channel.force(true);
      SYNCS.incrementAndGet();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Removes temporary files earlier versions of the tool left in the bundle's folders. */
  private static void cleanOldTemps(Path outDir) throws IOException {
    try (Stream<Path> walk = Files.walk(outDir, 2)) {
      for (Path p : walk.filter(p -> OLD_TEMP.matcher(p.getFileName().toString()).matches()).toList()) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(p);
        }
      }
    }
  }

  /** Deletes {@code root} and what is under it, following no link. */
  static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: what is left is cleaned by the next run.
    }
  }
}
