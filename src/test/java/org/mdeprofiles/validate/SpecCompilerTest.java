package org.mdeprofiles.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mdeprofiles.io.Json;
import org.mdeprofiles.io.JsonReader;
import org.mdeprofiles.io.SafeYaml;

/** The build turns every YAML spec source into JSON holding the same tree. */
class SpecCompilerTest {
  private static final Path SOURCES = Path.of("src/main/resources/org/mdeprofiles/specs");

  @Test
  void everySpecSourceIsCompiledToTheSameTree() throws Exception {
    List<Path> sources;
    try (Stream<Path> files = Files.list(SOURCES)) {
      sources = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(sources.isEmpty());
    for (Path yaml : sources) {
      String name = yaml.getFileName().toString().replace(".yaml", SpecLoader.SUFFIX);
      Object expected = SafeYaml.load(Files.readString(yaml, StandardCharsets.UTF_8), 500);
      try (InputStream in = SpecCompilerTest.class.getResourceAsStream("/org/mdeprofiles/specs/" + name)) {
        assertNotNull(in, name + " is missing from the build");
        Object compiled = JsonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(Json.write(expected), Json.write(compiled), name);
      }
    }
  }

  @Test
  void theSourcesAreNotShippedTwice() {
    assertEquals(null, SpecCompilerTest.class.getResource("/org/mdeprofiles/specs/TopLevel.yaml"));
  }

  @Test
  void aMisspelledKeywordTypeOrFormatFailsTheBuild() {
    SpecLoader loader = new SpecLoader();
    IllegalStateException keyword = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> loader.fromTree("x.yaml", SafeYaml.load("payloadType: x\nkeys:\n  Count: {type: integer, mni: 1}\n")));
    assertEquals("spec x.yaml: Count: unknown keyword 'mni' (known: anyKey, because, deprecatedBy, deprecatedValues, forbidden,"
        + " format, items, keyFormat, keys, macos, max, maxItems, min, minItems, payload, required, rules, type,"
        + " values)", keyword.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> loader.fromTree("x.yaml", SafeYaml.load("payloadType: x\nkeys: {}\nrulez: []\n")));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> loader.fromTree("x.yaml", SafeYaml.load("payloadType: x\nkeys:\n  A: {type: integr}\n")));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> loader.fromTree("x.yaml", SafeYaml.load("payloadType: x\nkeys:\n  A: {format: bundleid}\n")));
  }

  @Test
  void everyPayloadTypeTheCatalogWritesHasASpec() {
    for (String type : org.mdeprofiles.catalog.Catalog.payloadTypes(org.mdeprofiles.catalog.Catalog.entries())) {
      assertNotNull(new SpecLoader().payload(type), type + " has no spec file");
    }
  }

  @Test
  void everyFindingCodeTheCodeUsesHasAMessage() throws Exception {
    java.util.Properties messages = new java.util.Properties();
    try (InputStream in = SpecCompilerTest.class.getResourceAsStream("/org/mdeprofiles/findings.properties")) {
      messages.load(in);
    }
    // Every family of codes the message file has, not a list kept by hand (which had missed rule,
    // config and fleet).
    java.util.Set<String> families = new java.util.TreeSet<>();
    messages.stringPropertyNames().forEach(k -> families.add(k.substring(0, k.indexOf('.'))));
    java.util.regex.Pattern code = java.util.regex.Pattern.compile(
        "\"((?:" + String.join("|", families) + ")\\.[a-z-]+(?:\\.[a-z-]+)*)\"");
    List<String> missing = new java.util.ArrayList<>();
    int found = 0;
    try (Stream<Path> walk = Files.walk(Path.of("src/main"))) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".yaml")).toList()) {
        java.util.regex.Matcher m = code.matcher(Files.readString(f));
        while (m.find()) {
          found++;
          if (!messages.containsKey(m.group(1)) && !m.group(1).matches(".*\\.(yaml|json|ftlx|mobileconfig)")) {
            missing.add(f.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), missing);
    org.junit.jupiter.api.Assertions.assertTrue(found > 40, found + " codes found");
  }
}
