package org.mdeprofiles;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.pack.RenderedProfile;
import org.mdeprofiles.render.TemplateRenderer;

/** Fixtures shared by tests: the default kext profile, as text. */
public final class TestProfiles {
  private TestProfiles() {}

  public static String defaultKext() {
    return render(GenerateSettings.defaults());
  }

  public static String render(GenerateSettings settings) {
    try {
      List<RenderedProfile> rendered =
          Profiles.generate(settings, Catalog.select(List.of("kext"), settings.macos()),
              new TemplateRenderer(java.util.Optional.empty()));
      return new String(rendered.get(0).bytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
