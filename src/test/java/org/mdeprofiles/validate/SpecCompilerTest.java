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
}
