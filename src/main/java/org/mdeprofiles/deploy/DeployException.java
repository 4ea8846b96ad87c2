package org.mdeprofiles.deploy;

/** A deploy that cannot go on: one line saying what failed, never with a secret in it (exit 3). */
public final class DeployException extends Exception {
  public DeployException(String message) {
    super(message);
  }

  public DeployException(String message, Throwable cause) {
    super(message, cause);
  }
}
