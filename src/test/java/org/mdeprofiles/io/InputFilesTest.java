package org.mdeprofiles.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  @Test
  void readsAFileWhole() throws Exception {
    byte[] content = new byte[20_000];
    new Random(7).nextBytes(content);
    Path file = Files.write(dir.resolve("a.bin"), content);
    assertArrayEquals(content, InputFiles.read(file));
    assertArrayEquals(new byte[0], InputFiles.read(Files.write(dir.resolve("empty"), new byte[0])));
  }

  @Test
  void aFileAtTheLimitIsReadAndOneByteMoreIsRefusedUnread() throws Exception {
    Path atLimit = sparse("at-limit", InputFiles.MAX_BYTES);
    assertEquals(InputFiles.MAX_BYTES, InputFiles.read(atLimit).length);
    Path over = sparse("over", InputFiles.MAX_BYTES + 1);
    InputException e = assertThrows(InputException.class, () -> InputFiles.read(over));
    assertEquals(over + ": larger than the limit of 16 MiB", e.getMessage());
  }

  @Test
  void aFileWhoseSizeSaysZeroIsStillReadToItsEnd() throws Exception {
    // Files under /proc report size 0 and have content: the size from stat is a hint, not a cap.
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isReadable(status), "needs Linux's /proc");
    assertEquals(0, Files.size(status));
    String text = new String(InputFiles.read(status), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("Name:") && text.contains("\nPid:"), text);
  }

  @Test
  void aFileThatGrewPastTheLimitAfterItsStatIsRefused() throws Exception {
    // Stat said the limit exactly; the file holds one byte more when it is read.
    byte[] content = new byte[InputFiles.MAX_BYTES + 1];
    InputException e = assertThrows(InputException.class,
        () -> InputFiles.readSized(new ByteArrayInputStream(content), InputFiles.MAX_BYTES, "f"));
    assertEquals("f: larger than the limit of 16 MiB", e.getMessage());
    // Stat said 10 bytes; the file grew to the limit: read whole.
    byte[] grown = new byte[InputFiles.MAX_BYTES];
    grown[InputFiles.MAX_BYTES - 1] = 7;
    assertArrayEquals(grown, InputFiles.readSized(new ByteArrayInputStream(grown), 10, "f"));
    byte[] over = new byte[InputFiles.MAX_BYTES + 1];
    assertThrows(InputException.class, () -> InputFiles.readSized(new ByteArrayInputStream(over), 10, "f"));
    // A file that shrank is read as it is now.
    assertArrayEquals(new byte[] {1, 2}, InputFiles.readSized(new ByteArrayInputStream(new byte[] {1, 2}), 10, "f"));
  }

  private Path sparse(String name, long size) throws Exception {
    Path file = dir.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    return file;
  }
}
