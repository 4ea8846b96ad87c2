package org.mdeprofiles.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.io.SafeYaml;
import org.mdeprofiles.plist.PlistValue;
import org.mdeprofiles.plist.PlistValue.PlistDict;

class JsonSchemaCheckTest {
  private static final String SCHEMA = """
      {"type": "object", "properties": {
        "antivirusEngine": {"properties": {
          "enforcementLevel": {"type": "string", "enum": ["passive", "on_demand", "real_time"]},
          "threads": {"type": "integer", "minimum": 1, "maximum": 64},
          "exclusions": {"type": "array", "items": {"type": "object", "required": ["path"],
              "properties": {"path": {"type": "string", "minLength": 1}}, "additionalProperties": false}}
        }}}}
      """;

  private static List<String> check(PlistDict settings) {
    return JsonSchemaCheck.check((Map<?, ?>) SafeYaml.load(SCHEMA), settings, PlistPath.root()).stream()
        .map(f -> f.path() + ": " + f.severity().label() + ": " + f.message() + " [" + f.code() + "]").toList();
  }

  private static PlistDict av(Object... keysAndValues) {
    return PlistDict.of("antivirusEngine", PlistDict.of(keysAndValues));
  }

  @Test
  void validSettingsPass() {
    assertEquals(List.of(), check(av("enforcementLevel", new PlistValue.PlistString("real_time"),
        "threads", new PlistValue.PlistInteger(BigInteger.TWO))));
  }

  @Test
  void enumTypeAndRangeWithPaths() {
    assertEquals(List.of(
        "antivirusEngine.enforcementLevel: error: 'fast' is not one of the schema's values: passive, on_demand,"
            + " real_time [schema.enum]",
        "antivirusEngine.threads: error: 99 is above the schema's maximum 64 [schema.maximum]"),
        check(av("enforcementLevel", new PlistValue.PlistString("fast"),
            "threads", new PlistValue.PlistInteger(BigInteger.valueOf(99)))));
    assertEquals(List.of("antivirusEngine.threads: error: the settings schema wants integer, found string"
        + " [schema.type]"), check(av("threads", new PlistValue.PlistString("2"))));
  }

  @Test
  void arrayItemsRequiredAndClosedObjects() {
    PlistDict settings = av("exclusions", new PlistValue.PlistArray(List.of(
        PlistDict.of("path", new PlistValue.PlistString("")),
        PlistDict.of("isDirectory", new PlistValue.PlistBoolean(true)))));
    assertEquals(List.of(
        "antivirusEngine.exclusions[0].path: error: the text is 0 characters long, shorter than the schema's 1"
            + " [schema.min-length]",
        "antivirusEngine.exclusions[1].path: error: required setting path is missing [schema.required]",
        "antivirusEngine.exclusions[1].isDirectory: error: isDirectory is not a setting the schema knows"
            + " [schema.unknown]"), check(settings));
  }

  @Test
  void unknownTopLevelSectionIsAWarning() {
    assertEquals(List.of("antivirusEngin: warning: antivirusEngin is not a setting the schema knows"
        + " [schema.unknown]"), check(PlistDict.of("antivirusEngin", PlistDict.of())));
  }

  @Test
  void boundsBeyondDoubleAndExactBoundsNeverThrow() {
    Map<?, ?> schema = (Map<?, ?>) SafeYaml.load("{\"properties\": {\"x\": {\"minimum\": 1e400},"
        + " \"y\": {\"maximum\": -1e400}, \"z\": {\"maximum\": 9223372036854775806}}}");
    List<String> found = JsonSchemaCheck.check(schema, PlistDict.of(
        "x", new PlistValue.PlistInteger(BigInteger.valueOf(5)),
        "y", new PlistValue.PlistReal(2.5),
        "z", new PlistValue.PlistInteger(BigInteger.valueOf(Long.MAX_VALUE))), PlistPath.root()).stream()
        .map(f -> f.path() + ": " + f.message()).toList();
    assertEquals(List.of("x: 5 is below the schema's minimum Infinity", "y: 2.5 is above the schema's maximum"
        + " -Infinity", "z: 9223372036854775807 is above the schema's maximum 9223372036854775806"), found);
  }
}
