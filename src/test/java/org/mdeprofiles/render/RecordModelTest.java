package org.mdeprofiles.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates see a record's own zero-argument methods, and nothing it inherits. */
class RecordModelTest {
  public record Sample(String name, Sample inner) {
    public String shout() {
      return name.toUpperCase(java.util.Locale.ROOT);
    }
  }

  @TempDir
  Path dir;

  private String render(String template) throws Exception {
    Files.writeString(dir.resolve("t.ftl"), template);
    return new TemplateRenderer(Optional.of(dir))
        .renderText("t.ftl", Map.of("r", new Sample("outer", new Sample("inner", null))));
  }

  @Test
  void componentsAndDeclaredMethodsAreProperties() throws Exception {
    assertEquals("outer OUTER inner INNER missing", render("${r.name} ${r.shout} ${r.inner.name} ${r.inner.shout}"
        + " ${r.inner.inner!'missing'}"));
  }

  @Test
  void inheritedMethodsAreNotReachable() {
    for (String name : new String[] {"getClass", "hashCode", "toString", "equals", "notify"}) {
      RenderException e = assertThrows(RenderException.class, () -> render("${r." + name + "}"));
      assertEquals("template t.ftl line 1: The following has evaluated to null or missing:", e.getMessage(), name);
    }
  }
}
