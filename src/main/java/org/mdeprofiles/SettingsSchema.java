package org.mdeprofiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.finding.Finding;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.io.InputFiles;
import org.mdeprofiles.io.JsonReader;
import org.mdeprofiles.validate.JsonSchemaCheck;

/** {@code --settings-schema}: Defender's settings checked against a JSON Schema file. */
final class SettingsSchema {
  private SettingsSchema() {}

  static List<Finding> check(Path schemaFile, GenerateSettings settings) throws InputException {
    Object schema;
    try {
      // JSON read as JSON: a YAML parser refused valid JSON (a tab, an escaped slash).
      schema = JsonReader.parse(InputFiles.text(InputFiles.read(schemaFile), schemaFile.toString()));
    } catch (IllegalArgumentException e) {
      throw new InputException(schemaFile.toString(), "not valid JSON: " + e.getMessage());
    }
    if (!(schema instanceof Map<?, ?> object)) {
      throw new InputException(schemaFile.toString(), "not a JSON Schema (expected an object)");
    }
    return JsonSchemaCheck.check(object, settings.defenderSettings(), PlistPath.root());
  }
}
