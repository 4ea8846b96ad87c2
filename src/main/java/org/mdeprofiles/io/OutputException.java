package org.mdeprofiles.io;

/** The bundle could not be written; nothing of it was left behind. One line, naming the path. */
public final class OutputException extends Exception {
  public OutputException(String message) {
    super(message);
  }
}
