package org.mdeprofiles.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mdeprofiles.io.Json;
import org.mdeprofiles.io.SafeYaml;

/**
 * A build step (Maven's process-classes phase): turns the spec files, written as YAML for people,
 * into JSON beside them in the build output, so that a run reads them with the small JSON reader
 * instead of starting a YAML parser. Anchors and aliases come out expanded.
 */
public final class SpecCompiler {
  private SpecCompiler() {}

  /** {@code args[0]}: the folder of spec files in the build output; each .yaml becomes a .json. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: SpecCompiler SPEC_FOLDER");
    }
    List<Path> sources;
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      // formats first: the check of each spec below looks its format names up in formats.json.
      sources = files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .sorted(java.util.Comparator.comparing((Path p) -> !p.getFileName().toString().equals("formats.yaml"))
              .thenComparing(Path::toString))
          .toList();
    }
    if (sources.isEmpty()) {
      throw new IllegalStateException(args[0] + ": no spec files to compile");
    }
    for (Path yaml : sources) {
      Object tree;
      try {
        tree = SafeYaml.load(Files.readString(yaml, StandardCharsets.UTF_8), 500);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(yaml + ": " + e.getMessage(), e);
      }
      String name = yaml.getFileName().toString();
      if (!name.equals("formats.yaml")) {
        // The build fails on a spec the engine would misread: an unknown keyword, type or format.
        new SpecLoader().fromTree(name, tree);
      }
      Path json = yaml.resolveSibling(name.substring(0, name.length() - ".yaml".length()) + SpecLoader.SUFFIX);
      Files.writeString(json, Json.write(tree), StandardCharsets.UTF_8);
      Files.delete(yaml);
    }
  }
}
