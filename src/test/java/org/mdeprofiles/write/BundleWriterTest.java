package org.mdeprofiles.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.pack.BundleFile;
import org.mdeprofiles.io.OutputException;

class BundleWriterTest {
  @TempDir Path dir;

  private static BundleFile file(String path, String text) {
    return new BundleFile(path, text.getBytes(StandardCharsets.UTF_8), "plain", "step", Optional.empty());
  }

  @Test
  void filesAPreviousRunWroteAndThisOneDoesNotAreRemoved() throws Exception {
    Path out = dir.resolve("out");
    BundleWriter.write(out, List.of(file("plain/a.mobileconfig", "a"), file("plain/b.mobileconfig", "b")), false);
    assertEquals(List.of("plain/b.mobileconfig"), BundleWriter.write(out, List.of(file("plain/a.mobileconfig", "a2")),
        false));
    assertEquals("a2", Files.readString(out.resolve("plain/a.mobileconfig")));
    assertFalse(Files.exists(out.resolve("plain/b.mobileconfig")));
  }

  /** The syncs a write of {@code files} into {@code out} makes. */
  private static long syncsOf(Path out, List<BundleFile> files, Durability durability) throws Exception {
    long before = StagedSwitch.SYNCS.get();
    BundleWriter.write(out, files, false, durability);
    return StagedSwitch.SYNCS.get() - before;
  }

  @Test
  void aSyncedWriteSyncsEveryFileAndFolderItChangesAndAnUnsyncedOneNoneWithTheSameBytes() throws Exception {
    List<BundleFile> files = List.of(file("plain/a.mobileconfig", "a"), file("jamf/b.mobileconfig", "b"));
    // Staged: the two files, the manifest, their three folders (staging, plain, jamf), the
    // journal and the staging folder once it is in. Switched: --out once the old manifest is gone
    // (synced whether there was one or not: a run finishing a killed one's switch cannot tell),
    // --out again once plain and jamf moved in whole, after the new manifest arrives and once
    // staging is gone.
    assertEquals(12, syncsOf(dir.resolve("synced"), files, Durability.SYNCED));
    // Over a bundle the files move one by one, and plain and jamf are synced instead.
    assertEquals(13, syncsOf(dir.resolve("synced"), files, Durability.SYNCED));
    assertEquals(0, syncsOf(dir.resolve("unsynced"), files, Durability.UNSYNCED));
    assertEquals(0, syncsOf(dir.resolve("unsynced"), files, Durability.UNSYNCED));
    for (String path : List.of("plain/a.mobileconfig", "jamf/b.mobileconfig", Manifest.FILE_NAME)) {
      assertEquals(Files.readString(dir.resolve("synced").resolve(path)),
          Files.readString(dir.resolve("unsynced").resolve(path)), path);
    }
  }

  @Test
  void aDottedOutPathKeepsWhatItJustWrote() throws Exception {
    Path out = dir.resolve("x/../out");
    Files.createDirectories(dir.resolve("x"));
    BundleWriter.write(out, List.of(file("plain/a.mobileconfig", "a")), false);
    BundleWriter.write(out, List.of(file("plain/a.mobileconfig", "a")), false);
    assertEquals("a", Files.readString(dir.resolve("out/plain/a.mobileconfig")));
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("plain/b.mobileconfig"));
    OutputException e = assertThrows(OutputException.class, () -> BundleWriter.write(out,
        List.of(file("plain/a.mobileconfig", "a"), file("plain/b.mobileconfig", "b")), true));
    assertTrue(e.getMessage().endsWith("plain/b.mobileconfig: is a directory where the bundle needs a file"));
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(List.of(out.resolve(BundleWriter.LOCK)), files.filter(Files::isRegularFile).toList(),
          "nothing but the (empty) lock file");
    }
  }

  @Test
  void manifestIsDeterministicAndListsHashes() {
    byte[] a = Manifest.render(List.of(file("plain/a.mobileconfig", "a")));
    byte[] b = Manifest.render(List.of(file("plain/a.mobileconfig", "a")));
    assertEquals(new String(a, StandardCharsets.UTF_8), new String(b, StandardCharsets.UTF_8));
    assertTrue(new String(a, StandardCharsets.UTF_8).contains(
        "\"sha256\": \"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb\""));
  }
}
