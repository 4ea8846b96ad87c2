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
    return formOf(root).map(form -> new OnboardingFile(name, bytes, form)).orElseThrow(() ->
        new InputException(name, "does not target " + DOMAIN + " (no OnboardingInfo string found)"));
  }

  /** The onboarding file's form, when {@code root} is one: a profile or a bare preference list. */
  public static Optional<Form> formOf(PlistDict root) {
    if (hasOnboardingInfo(root)) {
      return Optional.of(Form.PREFERENCES);
    }
    return payload(root).map(p -> Form.PROFILE);
  }

  /**
   * The onboarding preferences, values exactly as in the file: the bare list, or the keys of the
   * profile's {@code com.microsoft.wdav.atp} payload other than its Payload keys.
   */
  public PlistDict preferences() {
    PlistDict root;
    try {
      root = (PlistDict) PlistReader.read(bytes).root().orElseThrow();
    } catch (PlistFormatException e) {
      throw new IllegalStateException("the onboarding file was checked when read", e);
    }
    if (form == Form.PREFERENCES) {
      return root;
    }
    return payload(root).orElseThrow().withoutPayloadKeys();
  }

  /** The organisation this file onboards to, when its OnboardingInfo holds one. */
  public Optional<String> orgId() {
    return orgIdOf(preferences().string("OnboardingInfo"));
  }

  /**
   * The organisation ID of an OnboardingInfo string: JSON whose {@code body} is itself JSON with
   * {@code orgId} (the form Microsoft's onboarding scripts write); empty when it is not that.
   */
  public static Optional<String> orgIdOf(String onboardingInfo) {
    if (onboardingInfo == null) {
      return Optional.empty();
    }
    try {
      if (org.mdeprofiles.io.JsonReader.parse(onboardingInfo) instanceof java.util.Map<?, ?> outer
          && outer.get("body") instanceof String body
          && org.mdeprofiles.io.JsonReader.parse(body) instanceof java.util.Map<?, ?> inner
          && inner.get("orgId") instanceof String id && !id.isBlank()) {
        return Optional.of(id);
      }
    } catch (IllegalArgumentException e) {
      // Not that form: no organisation known.
    }
    return Optional.empty();
  }

  private static Optional<PlistDict> payload(PlistDict root) {
    if (root.get("PayloadContent") instanceof PlistArray payloads) {
      for (PlistValue item : payloads.items()) {
        if (item instanceof PlistDict payload && DOMAIN.equals(payload.string("PayloadType"))
            && hasOnboardingInfo(payload)) {
          return Optional.of(payload);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasOnboardingInfo(PlistDict dict) {
    return Optional.ofNullable(dict.string("OnboardingInfo")).filter(s -> !s.isBlank()).isPresent();
  }
}
