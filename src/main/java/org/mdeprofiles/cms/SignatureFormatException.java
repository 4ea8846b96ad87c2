package org.mdeprofiles.cms;

/** The bytes look signed but hold no usable CMS signed data. */
public final class SignatureFormatException extends Exception {
  public SignatureFormatException(String message) {
    super(message);
  }
}
