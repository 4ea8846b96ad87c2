package org.mdeprofiles.render;

/** A template could not be read or failed while rendering (typically a user's override). */
public final class RenderException extends Exception {
  public RenderException(String message) {
    super(message);
  }
}
