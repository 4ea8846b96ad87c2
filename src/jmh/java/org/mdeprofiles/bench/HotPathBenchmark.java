package org.mdeprofiles.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mdeprofiles.Profiles;
import org.mdeprofiles.catalog.Catalog;
import org.mdeprofiles.config.GenerateSettings;
import org.mdeprofiles.model.Profile;
import org.mdeprofiles.render.TemplateRenderer;
import org.mdeprofiles.validate.ValidationOptions;
import org.mdeprofiles.validate.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The in-process hot paths: building, rendering and validating one profile (the TCC one). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathBenchmark {
  private GenerateSettings settings;
  private TemplateRenderer renderer;
  private Profile profile;
  private byte[] bytes;

  @Setup
  public void setUp() throws Exception {
    settings = GenerateSettings.defaults();
    renderer = new TemplateRenderer(Optional.empty());
    profile = Catalog.find("fulldisk").orElseThrow().build(settings);
    bytes = renderer.render(profile);
  }

  @Benchmark
  public Profile buildWithUuids() {
    return Catalog.find("fulldisk").orElseThrow().build(settings);
  }

  @Benchmark
  public byte[] renderOne() throws Exception {
    return renderer.render(profile);
  }

  @Benchmark
  public ValidationReport validateOne() throws Exception {
    return Profiles.validate("fulldisk.mobileconfig", bytes, ValidationOptions.DEFAULT);
  }

  @Benchmark
  public Object generateOneChecked() throws Exception {
    return Profiles.render(List.of(profile), renderer, ValidationOptions.DEFAULT);
  }
}
