package org.mdeprofiles.plist;

/** The bytes are not a property list at all (malformed XML, bad encoding, truncated binary). */
public final class PlistFormatException extends Exception {
  public PlistFormatException(String message) {
    super(message);
  }
}
