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

  private static List<String> check(String schema, PlistDict settings) {
    return JsonSchemaCheck.check((Map<?, ?>) org.mdeprofiles.io.JsonReader.parse(schema), settings, PlistPath.root())
        .stream().map(f -> f.path() + ": " + f.severity().label() + ": " + f.message() + " [" + f.code() + "]")
        .toList();
  }

  /** Every keyword Microsoft's com.microsoft.wdav schema uses, each either checked or named. */
  @Test
  void everyKeywordMicrosoftsSchemaUsesIsCheckedOrSaidNotToBe() {
    String schema = """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "__version": "1", "__feedback": "x",
         "title": "t", "description": "d", "options": {"remove_empty_properties": true}, "type": "object",
         "properties": {
           "edr": {"title": "EDR", "propertyOrder": 10, "defaultProperties": [], "properties": {
             "tags": {"type": "array", "maxItems": 1, "items": {"type": "object", "format": "grid",
               "properties": {"key": {"type": "string", "enum": ["GROUP"]}, "value": {"type": "string"}}}},
             "groupIds": {"type": "string", "minLength": 1, "default": "",
               "links": [{"href": "https://example.com", "rel": "More information"}]}}},
           "cloudService": {"properties": {
             "proxy": {"type": "string", "format": "uri"},
             "enabled": {"type": "boolean", "format": "checkbox",
               "options": {"dependencies": {"x": 1}, "enum_titles": ["On"]}}}}}}
        """;
    PlistDict tag = PlistDict.of("key", new PlistValue.PlistString("GROUP"), "value", new PlistValue.PlistString("a"));
    assertEquals(List.of(
        ": info: the schema's __feedback, __version, defaultProperties, format checkbox, format grid, links, options,"
            + " propertyOrder are not JSON Schema keywords (editor hints, say): nothing is checked for them"
            + " [schema.not-keywords]",
        "edr.tags: error: must have at most 1 items but found 2 (JSON Schema keyword maxItems) [schema.keyword]",
        "edr.groupIds: error: the text is 0 characters long, shorter than the schema's 1 [schema.min-length]",
        "cloudService.proxy: error: does not match the uri pattern must be a valid RFC 3986 URI (JSON Schema keyword"
            + " format) [schema.keyword]"),
        check(schema, PlistDict.of(
            "edr", PlistDict.of("tags", new PlistValue.PlistArray(List.of(tag, tag)),
                "groupIds", new PlistValue.PlistString("")),
            "cloudService", PlistDict.of("proxy", new PlistValue.PlistString("not a uri"),
                "enabled", new PlistValue.PlistBoolean(true)))));
  }

  @Test
  void theDraftTheSchemaNamesDecidesItsKeywords() {
    // dependencies is a keyword of draft 7 (2019-09 split it in two): enforced there.
    String schema = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\","
        + " \"dependencies\": {\"proxy\": [\"enabled\"]}, \"properties\": {\"proxy\": {}, \"enabled\": {}}}";
    assertEquals(List.of(": error: has an error with dependencies {proxy=[enabled]}"
        + " (JSON Schema keyword dependencies) [schema.keyword]"),
        check(schema, PlistDict.of("proxy", new PlistValue.PlistString("http://p"))));
  }

  @Test
  void aReferenceOutsideTheSchemaIsNeverFetched() {
    for (String ref : List.of("http://example.com/s.json", "file:///etc/passwd")) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> check("{\"properties\": {\"a\": {\"$ref\": \"" + ref + "\"}}}",
              PlistDict.of("a", new PlistValue.PlistString("x"))));
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("not a usable JSON Schema: "), e.getMessage());
    }
  }
}
