package org.mdeprofiles.deploy;

/** A bundle file that only the MDM's web interface can take, and why. */
public record Manual(String file, String why) {}
