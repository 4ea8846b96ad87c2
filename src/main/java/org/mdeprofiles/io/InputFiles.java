package org.mdeprofiles.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads input files and standard input with a size limit, turning I/O failures into one line. */
public final class InputFiles {
  /** Profiles and configs are kilobytes; anything past this is refused unread. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;
  private static final int READ_CHUNK = 64 * 1024;

  private InputFiles() {}

  public static byte[] read(Path file) throws InputException {
    String name = file.toString();
    try {
      // One stat for every check (validate reads 100,000 files: each call is a system call).
      java.nio.file.attribute.BasicFileAttributes a =
          Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      if (a.isDirectory()) {
        throw new InputException(name, "is a directory");
      }
      // A FIFO with no writer would block the read forever; devices and sockets are no files either.
      if (!a.isRegularFile()) {
        throw new InputException(name, "is not a regular file (a pipe, device or socket); give a file, or - for"
            + " standard input");
      }
      if (a.size() > MAX_BYTES) {
        throw tooLarge(name);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return readSized(in, (int) a.size(), name);
      }
    } catch (NoSuchFileException e) {
      throw new InputException(name, "no such file");
    } catch (AccessDeniedException e) {
      throw new InputException(name, "permission denied");
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + IoProblem.describe(e));
    }
  }

  /** {@code bytes} as UTF-8 text; binary data (a NUL byte) or invalid UTF-8 is refused in one line. */
  public static String text(byte[] bytes, String name) throws InputException {
    for (byte b : bytes) {
      if (b == 0) {
        throw new InputException(name, "is not text (it holds NUL bytes: binary data?)");
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InputException(name, "is not UTF-8 text");
    }
  }

  /**
   * A file stat gave as {@code size} bytes, read into an array of that size (readLimited reads in
   * 8 KB chunks and copies them: most of validate's allocation). A file that grew since is read on.
   */
  static byte[] readSized(InputStream in, int size, String name) throws InputException, IOException {
    byte[] bytes = new byte[size];
    int n = 0;
    while (n < size) {
      // In reads of 64 KB at most: a channel reads into a heap array through a native buffer of
      // the read's size, kept for the thread (one read of 15 MB left 15 MB more resident).
      int got = in.read(bytes, n, Math.min(READ_CHUNK, size - n));
      if (got < 0) {
        return Arrays.copyOf(bytes, n);
      }
      n += got;
    }
    int next = in.read();
    if (next < 0) {
      return bytes;
    }
    if (size >= MAX_BYTES) {
      throw tooLarge(name);
    }
    ByteArrayOutputStream grown = new ByteArrayOutputStream(size + 8192);
    grown.writeBytes(bytes);
    grown.write(next);
    grown.writeBytes(readLimited(in, name, MAX_BYTES - size - 1));
    return grown.toByteArray();
  }

  /** Reads at most {@link #MAX_BYTES} from {@code in}; more is an error. */
  public static byte[] readLimited(InputStream in, String name) throws InputException {
    return readLimited(in, name, MAX_BYTES);
  }

  private static byte[] readLimited(InputStream in, String name, int limit) throws InputException {
    try {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw tooLarge(name);
      }
      return bytes;
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + IoProblem.describe(e));
    }
  }

  private static InputException tooLarge(String name) {
    return new InputException(name, "larger than the limit of " + MAX_BYTES / (1024 * 1024) + " MiB");
  }
}
