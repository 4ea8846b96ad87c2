package org.mdeprofiles.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.mdeprofiles.io.JsonReader;

/** The named string formats of {@code specs/formats.yaml} (uuid, team-id, bundle-id, ...). */
public final class Formats {
  public static final String TEAM_ID = "team-id";
  public static final String BUNDLE_ID = "bundle-id";

  private static final Map<String, Format> FORMATS = load();

  private Formats() {}

  /** The format named {@code name}; unknown names are a bug in a spec file. */
  public static Format format(String name) {
    Format f = FORMATS.get(name);
    if (f == null) {
      throw new IllegalStateException("unknown format " + name);
    }
    return f;
  }

  /** True when {@code value} has the format {@code name}. */
  public static boolean matches(String name, String value) {
    return format(name).matches(value);
  }

  private static Map<String, Format> load() {
    try (InputStream in = Formats.class.getResourceAsStream("/org/mdeprofiles/specs/formats.json")) {
      if (in == null) {
        throw new IllegalStateException("formats.json missing from the build (compiled from specs/formats.yaml)");
      }
      Object raw = JsonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Map<String, Format> out = new LinkedHashMap<>();
      ((Map<?, ?>) raw).forEach((k, v) -> out.put(String.valueOf(k),
          new Format(String.valueOf(k), Pattern.compile(String.valueOf(v)))));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
