package org.mdeprofiles.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mdeprofiles.pack.BundleFile;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.io.IoProblem;
import org.mdeprofiles.io.OutputException;

/**
 * Writes a bundle so that a kill or a power loss at any moment leaves the old bundle or the new
 * one. Under a lock on {@code --out}, every file is first written and synced in a staging folder
 * inside it; then a journal listing the switch is synced, which is the commit point; then the old
 * manifest goes, each file is renamed into place, stale files go, and the new manifest comes last.
 * A run that finds a staging folder finishes a committed switch or discards an uncommitted one
 * before anything else. A file the tool did not write (one the previous manifest does not list) is
 * never replaced without {@code force}, and nothing is written through a symbolic link inside
 * {@code --out}.
 */
public final class BundleWriter {
  static final String LOCK = ".mde-profiles.lock";

  private BundleWriter() {}

  /** {@link #write(Path, List, boolean, Durability)}, synced. */
  public static List<String> write(Path outDir, List<BundleFile> files, boolean force) throws OutputException {
    return write(outDir, files, force, Durability.SYNCED);
  }

  /**
   * Writes {@code files} and the manifest under {@code outDir}; the files a previous run wrote and
   * this one removed, as paths relative to {@code outDir}.
   */
  public static List<String> write(Path outDir, List<BundleFile> files, boolean force, Durability durability)
      throws OutputException {
    Map<String, byte[]> contents = contents(outDir, files);
    Set<String> secrets = new LinkedHashSet<>();
    files.stream().filter(BundleFile::secret).forEach(f -> secrets.add(f.path()));
    boolean created = !Files.exists(outDir);
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new OutputException(outDir + ": cannot create the folder: " + IoProblem.describe(e));
    }
    Path lockFile = outDir.resolve(LOCK);
    boolean done = false;
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lock(channel, outDir)) {
      StagedSwitch.recover(outDir);
      List<String> stale = checkedStale(outDir, contents, force);
      StagedSwitch.write(outDir, contents, secrets, stale, durability);
      done = true;
      return stale;
    } catch (IOException e) {
      throw new OutputException(outDir + ": cannot write the bundle: " + IoProblem.describe(e));
    } finally {
      if (created && !done) {
        // A folder this run made and could not fill goes again, lock file and all.
        StagedSwitch.deleteTree(outDir);
      }
    }
  }

  /**
   * What {@link #write} would do, touching nothing: each file as {@code create}, {@code change} or
   * {@code unchanged}, then each stale one as {@code remove}; the same refusals as a write.
   */
  public static List<String> plan(Path outDir, List<BundleFile> files, boolean force) throws OutputException {
    Map<String, byte[]> contents = contents(outDir, files);
    List<String> stale = Files.isDirectory(outDir) ? checkedStale(outDir, contents, force) : List.of();
    List<String> plan = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      Path target = outDir.resolve(e.getKey());
      String verb = "create";
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        try {
          verb = java.util.Arrays.equals(Files.readAllBytes(target), e.getValue()) ? "unchanged" : "change";
        } catch (IOException ex) {
          verb = "change";
        }
      }
      plan.add(verb + " " + e.getKey());
    }
    stale.forEach(path -> plan.add("remove " + path));
    return plan;
  }

  /** Each file's bytes by relative path, the manifest last; refused when {@code outDir} is a file. */
  private static Map<String, byte[]> contents(Path outDir, List<BundleFile> files) throws OutputException {
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new OutputException(outDir + ": exists and is not a directory");
    }
    Map<String, byte[]> contents = new LinkedHashMap<>();
    files.forEach(f -> contents.put(f.path(), f.bytes()));
    contents.put(Manifest.FILE_NAME, Manifest.render(files));
    return contents;
  }

  /**
   * After the checks every write makes (a foreign manifest, foreign files, folders and links in
   * the way), the files the previous manifest lists that this bundle no longer has.
   */
  private static List<String> checkedStale(Path outDir, Map<String, byte[]> contents, boolean force)
      throws OutputException {
    Set<String> previous = previousPaths(outDir, force);
    checkTargets(outDir, contents.keySet(), previous, force);
    List<String> stale = new ArrayList<>();
    LinkCheck links = new LinkCheck(outDir);
    for (String path : previous) {
      if (!contents.containsKey(path) && links.isPlainFile(path)) {
        stale.add(path);
      }
    }
    return stale;
  }

  private static FileLock lock(FileChannel channel, Path outDir) throws IOException, OutputException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new OutputException(outDir + ": another mde-profiles run is writing to this folder; try again when"
          + " it has finished");
    }
    return lock;
  }

  private static Set<String> previousPaths(Path outDir, boolean force) throws OutputException {
    Path manifest = outDir.resolve(Manifest.FILE_NAME);
    if (!Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return Set.of();
    }
    Optional<Set<String>> paths = Optional.empty();
    if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      try {
        paths = Manifest.paths(InputFiles.text(InputFiles.read(manifest), manifest.toString()));
      } catch (InputException e) {
        paths = Optional.empty();
      }
    }
    if (paths.isEmpty() && !force) {
      throw new OutputException(
          manifest + ": exists but is not a manifest written by mde-profiles (use --force to replace it)");
    }
    return paths.orElse(Set.of());
  }

  private static void checkTargets(Path outDir, Set<String> targets, Set<String> previous, boolean force)
      throws OutputException {
    LinkCheck links = new LinkCheck(outDir);
    for (String path : targets) {
      Path target = outDir.resolve(path);
      LinkCheck.Look look = links.look(path);
      if (look.link().isPresent()) {
        throw new OutputException(look.link().get() + ": is a symbolic link; mde-profiles writes nothing through"
            + " links inside the output folder (remove it)");
      }
      Optional<BasicFileAttributes> there = look.end();
      if (there.isPresent() && there.get().isDirectory()) {
        throw new OutputException(target + ": is a directory where the bundle needs a file");
      }
      boolean ours = previous.contains(path) || path.equals(Manifest.FILE_NAME);
      if (there.isPresent() && !ours && !force) {
        throw new OutputException(
            target + ": exists and was not written by mde-profiles (use --force to overwrite)");
      }
    }
   }
}
