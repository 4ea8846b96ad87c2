package org.mdeprofiles.io;

/** Input that cannot be read or understood; the message is one line that names the file. */
public final class InputException extends Exception {
  public InputException(String source, String problem) {
    super(source + ": " + problem);
  }
}
