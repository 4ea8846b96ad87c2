package org.mdeprofiles.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.cms.SignatureFormatException;
import org.mdeprofiles.cms.SignedProfile;
import org.mdeprofiles.config.ConfigFile;
import org.mdeprofiles.config.SettingsBuilder;
import org.mdeprofiles.diagnose.Diagnoser;
import org.mdeprofiles.diagnose.DiagnosisReport;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.JsonReader;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.validate.ValidationOptions;

/**
 * Coverage-guided fuzz targets, one per reader of untrusted input. Each may refuse an input only
 * with the exception its caller turns into a one-line error (exit 3); any other exception, a stack
 * overflow, running out of memory or a hang is a finding. In a normal test run each target replays
 * its committed corpus ({@code src/test/resources/org/mdeprofiles/fuzz/InputFuzzTestInputs/});
 * {@code .ci/run} fuzzes each for a bounded time (JAZZER_FUZZ=1).
 */
class InputFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void xmlPlist(byte[] input) {
    try {
      Profiles.validate("fuzz", input, ValidationOptions.DEFAULT);
    } catch (PlistFormatException expected) {
      // refused in one line
    }
  }

  @FuzzTest(maxDuration = "30s")
  void binaryPlist(byte[] input) {
    byte[] bplist = new byte[input.length + 8];
    System.arraycopy("bplist00".getBytes(StandardCharsets.US_ASCII), 0, bplist, 0, 8);
    System.arraycopy(input, 0, bplist, 8, input.length);
    try {
      Profiles.validate("fuzz", bplist, ValidationOptions.DEFAULT);
    } catch (PlistFormatException expected) {
      // refused in one line
    }
  }

  @FuzzTest(maxDuration = "30s")
  void signedProfile(byte[] input) {
    try {
      SignedProfile signed = SignedProfile.unwrap(input);
      PlistReader.read(signed.content());
    } catch (SignatureFormatException | PlistFormatException expected) {
      // refused in one line
    }
  }

  @FuzzTest(maxDuration = "30s")
  void yamlConfig(byte[] input) throws Exception {
    Path file = Files.createTempFile("fuzz", ".yaml");
    try {
      Files.write(file, input);
      ConfigFile.load(file, new SettingsBuilder(), org.mdeprofiles.catalog.Catalog.names());
    } catch (InputException expected) {
      // refused in one line
    } finally {
      Files.delete(file);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void json(byte[] input) {
    try {
      JsonReader.parse(new String(input, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException expected) {
      // refused in one line
    }
  }

  @FuzzTest(maxDuration = "30s")
  void diagnose(byte[] input) {
    Diagnoser diagnoser = new Diagnoser().read("fuzz", new String(input, StandardCharsets.UTF_8));
    DiagnosisReport.text(diagnoser.conclusions(), diagnoser.unknownFields());
    DiagnosisReport.json(diagnoser.conclusions(), diagnoser.unknownFields());
  }
}
