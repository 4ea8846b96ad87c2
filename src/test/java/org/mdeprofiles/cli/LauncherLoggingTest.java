package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JVM flags keep stdout for the report: a class-data archive that no longer
 * matches (the checkout moved, another JDK) makes the JVM warn, and the warning must go to stderr.
 * The flags are read from the launcher itself, and the stale archive is a real one.
 */
class LauncherLoggingTest {
  @TempDir Path dir;

  private static List<String> launcherLogging() throws Exception {
    Matcher m = Pattern.compile("(?m)^logging=\\(([^)]*)\\)$").matcher(Files.readString(Path.of("mde-profiles")));
    assertTrue(m.find(), "the launcher sets its logging flags in one array");
    return Arrays.asList(m.group(1).trim().split("\\s+"));
  }

  /** The project's classes as a jar (class-data archives take jars, not folders). */
  private Path jar(Path at) throws Exception {
    Path classes = Path.of("target/classes");
    try (OutputStream out = Files.newOutputStream(at); JarOutputStream jar = new JarOutputStream(out);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
        jar.write(Files.readAllBytes(p));
        jar.closeEntry();
      }
    }
    return at;
  }

  private static String commonsCli() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> p.contains("commons-cli")).findFirst().orElseThrow();
  }

  private record Run(String out, String err) {}

  private static Run java(List<String> flags, String classPath) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(flags);
    command.addAll(List.of("-cp", classPath, "org.mdeprofiles.cli.Main", "--version"));
    Process p = new ProcessBuilder(command).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Run(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void aStaleClassDataArchiveWarnsOnStderrNeverOnStdout() throws Exception {
    Path here = Files.createDirectories(dir.resolve("here"));
    Path moved = Files.createDirectories(dir.resolve("moved"));
    String cp = jar(here.resolve("mde.jar")) + File.pathSeparator + commonsCli();
    Path archive = dir.resolve("app.jsa");
    java(List.of("-XX:ArchiveClassesAtExit=" + archive), cp);
    assertTrue(Files.exists(archive), "the training run made an archive");
    Files.copy(here.resolve("mde.jar"), moved.resolve("mde.jar"));
    String movedCp = moved.resolve("mde.jar") + File.pathSeparator + commonsCli();
    List<String> stale = List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");

    // Without the launcher's flags the JVM's warning lands in stdout: what broke `| jq`.
    Run bare = java(stale, movedCp);
    assertTrue(bare.out().contains("[warning]"), "the stale archive is detected: " + bare.out() + bare.err());

    List<String> flags = new ArrayList<>(launcherLogging());
    flags.addAll(stale);
    Run run = java(flags, movedCp);
    assertTrue(run.out().startsWith("mde-profiles " + Version.get() + " on Java "), run.out());
    assertEquals(1, run.out().lines().count(), run.out());
    assertTrue(run.err().contains("[warning]"), run.err());
  }
}
