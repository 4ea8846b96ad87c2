package org.mdeprofiles.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.plist.PlistDocument;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistArray;
import org.mdeprofiles.plist.PlistValue.PlistDict;

/**
 * The tenant's onboarding file from the Defender portal: a secret, so it is checked and copied
 * byte for byte, and no message ever quotes its content.
 *
 * @param form a configuration profile (the Intune download) or a bare preference list (Jamf's)
 */
public record OnboardingFile(String source, byte[] bytes, Form form) {
  public static final String DOMAIN = "com.microsoft.wdav.atp";

  /** The two forms the portal offers. */
  public enum Form {
    PROFILE,
    PREFERENCES
  }

  public OnboardingFile {
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(form, "form == null");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Reads and checks {@code file}; errors name the file and the problem, never the content. */
  public static OnboardingFile read(Path file) throws InputException {
    String name = file.toString();
    byte[] bytes = InputFiles.read(file);
    PlistDocument doc;
    try {
      doc = PlistReader.read(bytes);
    } catch (PlistFormatException e) {
      throw new InputException(name, "not a property list; expected the onboarding file downloaded"
          + " from the Microsoft Defender portal");
    }
    if (!(doc.root().orElse(null) instanceof PlistDict root)) {
      throw new InputException(name, "not a readable onboarding property list");
    }
    if (hasOnboardingInfo(root)) {
      return new OnboardingFile(name, bytes, Form.PREFERENCES);
    }
    if (root.get("PayloadContent") instanceof PlistArray payloads) {
      for (PlistValue item : payloads.items()) {
        if (item instanceof PlistDict payload && DOMAIN.equals(payload.string("PayloadType"))
            && hasOnboardingInfo(payload)) {
          return new OnboardingFile(name, bytes, Form.PROFILE);
        }
      }
    }
    throw new InputException(name, "does not target " + DOMAIN + " (no OnboardingInfo string found)");
  }

  private static boolean hasOnboardingInfo(PlistDict dict) {
    return Optional.ofNullable(dict.string("OnboardingInfo")).filter(s -> !s.isBlank()).isPresent();
  }
}
