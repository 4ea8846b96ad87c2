package org.mdeprofiles.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** What went wrong in an I/O failure, in words, for a one-line message. */
public final class IoProblem {
  private IoProblem() {}

  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied" + where(a);
    }
    if (e instanceof NoSuchFileException n) {
      return "no such file or folder" + where(n);
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason() + where(f);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String where(FileSystemException e) {
    return e.getFile() == null ? "" : " (" + e.getFile() + ")";
  }
}
