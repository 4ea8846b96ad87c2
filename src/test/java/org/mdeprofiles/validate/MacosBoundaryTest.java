package org.mdeprofiles.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.model.MacosVersion;

/** What the fleet's oldest and newest macOS make of the TCC services Apple deprecates in 27.0. */
class MacosBoundaryTest {
  private static final List<String> DEPRECATED_IN_27 =
      List.of("Accessibility", "BluetoothAlways", "Camera", "Microphone", "SpeechRecognition");
  private static final String INSTEAD = "; Apple names in its place the Privacy key of the declarative configuration"
      + " com.apple.configuration.app.settings";

  private static List<String> findings(String service, String oldest, String newest) throws Exception {
    // Camera and Microphone can only be denied; the others are allowed.
    String grant = service.equals("Camera") || service.equals("Microphone")
        ? "<key>Authorization</key><string>Deny</string>" : "<key>Allowed</key><true/>";
    String xml = PayloadRulesTest.profile("com.apple.TCC.configuration-profile-policy",
        "<key>Services</key><dict><key>" + service + "</key><array><dict>"
            + "<key>Identifier</key><string>com.example.app</string>"
            + "<key>IdentifierType</key><string>bundleID</string>"
            + "<key>CodeRequirement</key><string>identifier \"com.example.app\"</string>" + grant
            + "</dict></array></dict>", true);
    ValidationOptions options = new ValidationOptions(
        Optional.ofNullable(oldest).map(MacosVersion::parse), Optional.ofNullable(newest).map(MacosVersion::parse));
    return Profiles.validate("t", xml.getBytes(StandardCharsets.UTF_8), options).findings().stream()
        .map(f -> f.path() + ": " + f.severity().label() + ": " + f.message() + " [" + f.code() + "]").toList();
  }

  @Test
  void eachDeprecatedServiceAtEachBoundary() throws Exception {
    for (String service : DEPRECATED_IN_27) {
      String at = "PayloadContent[0].Services." + service;
      // A fleet that stops before 27: nothing to say.
      assertEquals(List.of(), findings(service, "14.0", "26.4"), service);
      assertEquals(List.of(), findings(service, null, "26.9"), service);
      // A fleet that reaches 27: its newer Macs meet the deprecation; one info, with the replacement.
      assertEquals(List.of(at + ": info: " + service + " is deprecated from macOS 27.0, which the fleet reaches"
          + " (its newest: 27.0); it still applies there" + INSTEAD + " [key.deprecated-in-fleet]"),
          findings(service, "26.4", "27.0"), service);
      // A 27-only fleet: every Mac does; a warning.
      assertEquals(List.of(at + ": warning: " + service + " is deprecated since macOS 27.0" + INSTEAD
          + " [key.deprecated]"), findings(service, "27.0", "27.0"), service);
    }
  }

  @Test
  void theDefaultNewestIsTheNewestVersionAnySpecNames() throws Exception {
    Pattern version = Pattern.compile("(?:introduced|deprecated|removed): '([0-9.]+)'");
    List<MacosVersion> named = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/org/mdeprofiles/specs"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Matcher m = version.matcher(Files.readString(p));
        while (m.find()) {
          named.add(MacosVersion.parse(m.group(1)));
        }
      }
    }
    assertFalse(named.isEmpty());
    MacosVersion newest = named.stream().reduce((a, b) -> a.isBefore(b) ? b : a).orElseThrow();
    // When a spec learns a newer macOS, the default moves with it.
    assertEquals(newest, ValidationOptions.NEWEST_KNOWN);
  }
}
