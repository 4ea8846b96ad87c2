package org.mdeprofiles.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.cli.CliRun;
import org.mdeprofiles.io.InputFiles;

/**
 * Faults while writing: a process killed (halted, as by kill -9) after each step of the switch,
 * two runs at once, a symbolic link inside --out, leftovers of a crashed run. After each, the
 * folder holds the old bundle or the new one, and the next run leaves nothing behind.
 */
class WriteFaultTest {
  @TempDir Path dir;

  private static final String[] OLD = {"--mdm", "plain"};
  private static final String[] NEW = {"--mdm", "plain", "--profiles", "sysext,kext", "--org", "Other Org"};
  private static final String[] NEW_WITH_JAMF = {"--mdm", "plain,jamf", "--profiles", "sysext,kext", "--org", "Other Org"};

  /** Every file of the folder with its content, the lock file aside. */
  private static Map<String, String> snapshot(Path out) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        String name = out.relativize(p).toString();
        if (!name.equals(BundleWriter.LOCK)) {
          files.put(name, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  private static String[] generate(Path out, String... options) {
    List<String> args = new ArrayList<>(List.of("generate", "--out", out.toString()));
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  private static Map<String, String> bundle(Path out, String... options) throws Exception {
    CliRun run = CliRun.of(generate(out, options));
    assertEquals(0, run.exit(), run.err());
    return snapshot(out);
  }

  /** Runs generate in a child JVM that halts after {@code step} steps of writing; its exit code. */
  private static int generateHaltingAfter(int step, Path out, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-D" + StagedSwitch.HALT_AFTER_STEP + "=" + step,
        "org.mdeprofiles.cli.Main"));
    command.addAll(List.of(generate(out, options)));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child finishes");
    return p.exitValue();
  }

  @Test
  void aKillAtAnyStepLeavesTheOldBundleOrTheNewOne() throws Exception {
    killedAtEveryStep(OLD, NEW);
  }

  @Test
  void aKillAtAnyStepOfAnUnsyncedWriteLeavesTheOldBundleOrTheNewOneToo() throws Exception {
    // What a killed process wrote stays with the system: skipping the syncs risks only a power loss.
    killedAtEveryStep(OLD, NEW, "--no-sync");
  }

  @Test
  void aKillAtAnyStepOfAWriteThatMovesWholeFoldersInLeavesTheOldBundleOrTheNewOne() throws Exception {
    // jamf/ is new to the folder, so it moves in with one rename; plain/'s files move one by one.
    killedAtEveryStep(OLD, NEW_WITH_JAMF);
  }

  @Test
  void aKillAtAnyStepOfAFirstWriteLeavesNoBundleOrTheNewOne() throws Exception {
    killedAtEveryStep(null, NEW_WITH_JAMF);
  }

  @Test
  void aJournalNamingAPathNotPlainlyInsideTheFolderIsRefusedAndNothingMoves() throws Exception {
    for (String line : List.of("move ../escape", "move /etc/passwd", "move ./", "move /", "move a/../../x",
        "move plain/./x", "move plain//x", "move plain/x/", "delete ../victim", "move \\x")) {
      Path out = dir.resolve("out-" + Integer.toHexString(line.hashCode()));
      Map<String, String> before = bundle(out, OLD);
      Path staging = out.resolve(StagedSwitch.STAGING);
      Files.createDirectories(staging.resolve("plain"));
      Files.writeString(staging.resolve("plain/x"), "x");
      Files.writeString(staging.resolve(StagedSwitch.JOURNAL), line + "\n");
      CliRun run = CliRun.of(generate(out, NEW));
      assertEquals(3, run.exit(), line);
      assertTrue(run.err().contains("the staging journal names a path that is not inside the folder"), run.err());
      assertEquals(before, snapshot(out).entrySet().stream().filter(e -> !e.getKey().startsWith(StagedSwitch.STAGING))
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)),
          line + ": the old bundle stands");
    }
  }

  @Test
  void aFolderThatAppearsAfterTheCommitGetsTheFilesOneByOne() throws Exception {
    Map<String, String> newBundle = bundle(dir.resolve("new"), NEW_WITH_JAMF);
    Path out = dir.resolve("out");
    // Halted right after the commit (one step per staged file, the manifest among them, then the
    // commit): the journal says to move jamf/ in whole.
    assertEquals(137, generateHaltingAfter(newBundle.size() + 1, out, NEW_WITH_JAMF));
    assertTrue(Files.readString(out.resolve(StagedSwitch.STAGING).resolve(StagedSwitch.JOURNAL)).contains("move jamf/\n"));
    // Then something else makes jamf/ with a file of its own, which one rename could not replace.
    Files.createDirectories(out.resolve("jamf"));
    Files.writeString(out.resolve("jamf/notes.txt"), "mine");
    Map<String, String> expected = new TreeMap<>(newBundle);
    expected.put("jamf/notes.txt", "mine");
    assertEquals(expected, bundle(out, NEW_WITH_JAMF));
    assertFalse(Files.exists(out.resolve(StagedSwitch.STAGING)));
  }

  /**
   * Halts a write of {@code newOptions} (and {@code haltedOnly}) over a bundle of {@code
   * oldOptions}, or into a new folder when that is null, after each of its steps in turn.
   */
  private void killedAtEveryStep(String[] oldOptions, String[] newOptions, String... haltedOnly) throws Exception {
    Map<String, String> oldBundle = oldOptions == null ? Map.of() : bundle(dir.resolve("old"), oldOptions);
    Map<String, String> newBundle = bundle(dir.resolve("new"), newOptions);
    List<String> halted = new ArrayList<>(List.of(newOptions));
    halted.addAll(List.of(haltedOnly));
    boolean completed = false;
    int kills = 0;
    for (int step = 1; step < 100 && !completed; step++) {
      Path out = dir.resolve("run-" + step);
      if (oldOptions != null) {
        bundle(out, oldOptions);
      }
      int exit = generateHaltingAfter(step, out, halted.toArray(String[]::new));
      completed = exit == 0;
      if (!completed) {
        assertEquals(137, exit, "halted at step " + step);
        kills++;
      }
      Map<String, String> left = snapshot(out);
      left.keySet().removeIf(name -> name.startsWith(StagedSwitch.STAGING));
      boolean staged = Files.exists(out.resolve(StagedSwitch.STAGING));
      boolean committed = Files.exists(out.resolve(StagedSwitch.STAGING).resolve(StagedSwitch.JOURNAL));
      if (left.containsKey(Manifest.FILE_NAME)) {
        // A manifest means a whole bundle: the old one, or the new one.
        if (!left.equals(oldBundle) && !left.equals(newBundle)) {
          fail("step " + step + ": a manifest over a mixed bundle: " + left.keySet());
        }
        if (left.equals(newBundle) && staged) {
          // Killed after the manifest arrived: only the spent journal is left, for the next run.
          try (Stream<Path> rest = Files.walk(out.resolve(StagedSwitch.STAGING))) {
            assertEquals(List.of(out.resolve(StagedSwitch.STAGING).resolve(StagedSwitch.JOURNAL)),
                rest.filter(Files::isRegularFile).toList(), "step " + step);
          }
        }
      } else if (!left.equals(oldBundle)) {
        // No manifest and not the old state (a new folder's nothing): a committed switch to finish.
        assertTrue(committed, "step " + step + ": no manifest, yet no committed switch to finish");
      }
      // The next run finishes or discards what the killed one left, then writes.
      assertEquals(newBundle, bundle(out, newOptions), "step " + step + ": the run after the kill");
      assertFalse(Files.exists(out.resolve(StagedSwitch.STAGING)), "step " + step + ": staging left");
    }
    assertTrue(completed, "the write finished within the steps tried");
    assertTrue(kills >= 10, "every step was tried: " + kills);
  }

  @Test
  void aFullDiskAtAnyStepIsOneLineAndLeavesTheOldBundleOrAFinishableSwitch() throws Exception {
    Map<String, String> newBundle = bundle(dir.resolve("new"), NEW);
    for (int step = 1; step < 100; step++) {
      Path out = dir.resolve("disk-" + step);
      Map<String, String> oldBundle = bundle(out, OLD);
      CliRun run;
      System.setProperty(StagedSwitch.FAIL_AFTER_STEP, String.valueOf(step));
      try {
        run = CliRun.of(generate(out, NEW));
      } finally {
        System.clearProperty(StagedSwitch.FAIL_AFTER_STEP);
      }
      if (run.exit() == 0) {
        assertEquals(newBundle, snapshot(out));
        assertTrue(step > 10, "failures were injected before the write finished");
        return;
      }
      assertEquals(3, run.exit(), run.err());
      assertTrue(run.err().endsWith("mde-profiles: " + out + ": cannot write the bundle: No space left on"
          + " device\n"), "step " + step + ": " + run.err());
      boolean committed = Files.exists(out.resolve(StagedSwitch.STAGING).resolve(StagedSwitch.JOURNAL));
      if (!committed) {
        assertEquals(oldBundle, snapshot(out), "step " + step + ": uncommitted, so the old bundle stands");
        assertFalse(Files.exists(out.resolve(StagedSwitch.STAGING)), "step " + step + ": no staged copies left");
      }
      assertEquals(newBundle, bundle(out, NEW), "step " + step + ": the next run");
    }
    fail("the write never finished");
  }

  @Test
  void aReadOnlyFolderIsOneLineAndTheOldBundleStands() throws Exception {
    Path out = dir.resolve("out");
    Map<String, String> before = bundle(out, OLD);
    out.toFile().setWritable(false);
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(out),
          "skipped: this user (root?) writes to read-only folders anyway");
      CliRun run = CliRun.of(generate(out, NEW));
      assertEquals(3, run.exit());
      assertTrue(run.err().endsWith("mde-profiles: " + out + ": cannot write the bundle: permission denied\n"),
          run.err());
    } finally {
      out.toFile().setWritable(true);
    }
    assertEquals(before, snapshot(out));
  }

  @Test
  void aHugeManifestIsNotReadWhole() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path manifest = out.resolve(Manifest.FILE_NAME);
    Files.write(manifest, new byte[InputFiles.MAX_BYTES + 1]);
    CliRun run = CliRun.of(generate(out, OLD));
    assertEquals(3, run.exit());
    assertEquals("mde-profiles: " + manifest + ": exists but is not a manifest written by mde-profiles (use --force"
        + " to replace it)\n", run.err().substring(run.err().indexOf("mde-profiles: ")));
  }

  @Test
  void aSecondRunIntoTheSameFolderIsRefusedWhileOneWrites() throws Exception {
    Path out = dir.resolve("out");
    Map<String, String> before = bundle(out, OLD);
    try (FileChannel channel = FileChannel.open(out.resolve(BundleWriter.LOCK), StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      CliRun run = CliRun.of(generate(out, NEW));
      assertEquals(3, run.exit());
      assertEquals("mde-profiles: " + out + ": another mde-profiles run is writing to this folder; try again when"
          + " it has finished\n", run.err().substring(run.err().indexOf("mde-profiles: ")));
    }
    assertEquals(before, snapshot(out));
  }

  @Test
  void aSymbolicLinkInsideOutIsNeverWrittenThrough() throws Exception {
    Path out = dir.resolve("out");
    Map<String, String> before = bundle(out, OLD);
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("sysext.mobileconfig"), "not mde-profiles'");
    Path plain = out.resolve("plain");
    Path moved = dir.resolve("plain-moved");
    Files.move(plain, moved);
    Files.createSymbolicLink(plain, elsewhere);
    for (boolean force : List.of(false, true)) {
      CliRun run = CliRun.of(force ? generate(out, "--mdm", "plain", "--force") : generate(out, OLD));
      assertEquals(3, run.exit(), run.err());
      assertTrue(run.err().endsWith("mde-profiles: " + plain + ": is a symbolic link; mde-profiles writes nothing"
          + " through links inside the output folder (remove it)\n"), run.err());
      assertEquals("not mde-profiles'", Files.readString(elsewhere.resolve("sysext.mobileconfig")));
      try (Stream<Path> list = Files.list(elsewhere)) {
        assertEquals(1, list.count(), "nothing written or deleted there");
      }
    }
    Files.delete(plain);
    Files.move(moved, plain);
    assertEquals(before, snapshot(out));
  }

  @Test
  void aFileThatIsALinkIsRefusedThoughItsFolderWasSeenForOtherFiles() throws Exception {
    // The check looks at a folder once per run; each file is still looked at, so a link among a
    // folder's later files is found after its earlier files passed.
    Path out = dir.resolve("out");
    Map<String, String> before = bundle(out, OLD);
    Path outside = Files.writeString(dir.resolve("outside.mobileconfig"), "not mde-profiles'");
    Path link = out.resolve("plain/sysext.mobileconfig");
    Path kept = dir.resolve("sysext-moved");
    Files.move(link, kept);
    Files.createSymbolicLink(link, outside);
    CliRun run = CliRun.of(generate(out, "--mdm", "plain", "--force"));
    assertEquals(3, run.exit(), run.err());
    assertTrue(run.err().endsWith("mde-profiles: " + link + ": is a symbolic link; mde-profiles writes nothing"
        + " through links inside the output folder (remove it)\n"), run.err());
    assertEquals("not mde-profiles'", Files.readString(outside));
    Files.delete(link);
    Files.move(kept, link);
    assertEquals(before, snapshot(out));
  }

  @Test
  void leftoversOfACrashedRunAreCleanedByTheNext() throws Exception {
    Path out = dir.resolve("out");
    bundle(out, OLD);
    // An old version's temporary copy of a secret, and a staging folder never committed.
    Path temp = out.resolve("plain/.mde-profiles-4242-3.tmp");
    Files.writeString(temp, "secret copy");
    Files.createDirectories(out.resolve(StagedSwitch.STAGING).resolve("plain"));
    Files.writeString(out.resolve(StagedSwitch.STAGING).resolve("plain/kext.mobileconfig"), "half");
    Map<String, String> after = bundle(out, OLD);
    assertFalse(Files.exists(temp));
    assertFalse(Files.exists(out.resolve(StagedSwitch.STAGING)));
    assertEquals(bundle(dir.resolve("fresh"), OLD), after);
  }
}
