package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several tenants in one run: each bundle as a single run would write it, a bad one failing alone. */
class BatchGenerateTest {
  @TempDir Path dir;

  private Path tenants() throws Exception {
    Path configs = dir.resolve("tenants");
    Files.createDirectories(configs);
    Files.writeString(configs.resolve("fabrikam.yaml"), "organization: Fabrikam\nprefix: com.fabrikam.mde\n");
    Files.writeString(configs.resolve("northwind.yaml"), "organization: Northwind\nprefix: com.northwind.mde\n"
        + "profiles: [sysext, netfilter]\n");
    Files.writeString(configs.resolve("broken.yaml"), "organisation: Typo\n");
    Files.writeString(configs.resolve("notes.txt"), "not a config\n");
    return configs;
  }

  private static List<Path> files(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void tenantsAreWrittenFourPerCoreAtMostSixtyFour() {
    assertEquals(List.of(4, 8, 32, 64, 64), Stream.of(1, 2, 8, 16, 96).map(Tenants::threads).toList());
  }

  @Test
  void everyTenantGetsTheBundleASingleRunWouldWrite() throws Exception {
    Path configs = tenants();
    Path out = dir.resolve("out");
    CliRun batch = CliRun.of("generate", "--configs", configs.toString(), "--mdm", "plain,jamf", "--out",
        out.toString());
    assertEquals(3, batch.exit(), batch.err());
    assertEquals(List.of("fabrikam", "northwind"), Files.list(out).map(p -> p.getFileName().toString()).sorted()
        .toList());
    for (String tenant : List.of("fabrikam", "northwind")) {
      Path single = dir.resolve("single-" + tenant);
      assertEquals(0, CliRun.of("generate", "--config", configs.resolve(tenant + ".yaml").toString(), "--mdm",
          "plain,jamf", "--out", single.toString()).exit());
      assertEquals(files(single), files(out.resolve(tenant)));
      for (Path f : files(single)) {
        assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(out.resolve(tenant).resolve(f)),
            tenant + "/" + f);
      }
    }
    // The broken tenant's one line, under its name; the others' lines under theirs; a summary.
    assertTrue(batch.err().startsWith("tenant broken:\nmde-profiles: " + configs.resolve("broken.yaml")
        + ": organisation: unknown setting"), batch.err());
    assertTrue(batch.err().contains("\ntenant fabrikam:\n"), batch.err());
    assertTrue(batch.err().contains("\ntenant northwind:\n"), batch.err());
    assertTrue(batch.err().endsWith("\ngenerate: 3 tenants: 2 written, 1 failed (exit 3)\n"), batch.err());
    // stdout lists the written files, tenant by tenant in the order given.
    assertTrue(batch.out().startsWith(out.resolve("fabrikam/jamf/sysext.mobileconfig") + "\n"), batch.out());
    assertTrue(batch.out().endsWith(out.resolve("northwind/plain/netfilter.mobileconfig") + "\n"), batch.out());
    // Same input, same bytes: a second batch changes nothing.
    CliRun again = CliRun.of("generate", "--configs", configs.toString(), "--mdm", "plain,jamf", "--out",
        out.toString(), "--dry-run");
    assertFalse(again.out().lines().anyMatch(l -> !l.startsWith("unchanged: ")), again.out());
  }

  @Test
  void repeatedConfigsAndUsageErrors() throws Exception {
    Path configs = tenants();
    Path out = dir.resolve("out");
    CliRun two = CliRun.of("generate", "--config", configs.resolve("fabrikam.yaml").toString(), "--config",
        configs.resolve("northwind.yaml").toString(), "--mdm", "plain", "--out", out.toString());
    assertEquals(0, two.exit(), two.err());
    assertTrue(two.err().endsWith("generate: 2 tenants: 2 written, 0 failed\n"), two.err());
    assertTrue(Files.isRegularFile(out.resolve("northwind/plain/netfilter.mobileconfig")));
    Files.createDirectories(dir.resolve("other"));
    Files.writeString(dir.resolve("other/fabrikam.yml"), "organization: Other\n");
    CliRun clash = CliRun.of("generate", "--configs", configs.toString(), "--config",
        dir.resolve("other/fabrikam.yml").toString(), "--out", out.toString());
    assertEquals(2, clash.exit());
    assertTrue(clash.err().contains("two tenant configs are named fabrikam"), clash.err());
    Files.createDirectories(dir.resolve("empty"));
    CliRun empty = CliRun.of("generate", "--configs", dir.resolve("empty").toString());
    assertEquals(2, empty.exit());
    assertTrue(empty.err().contains("no .yaml file in it"), empty.err());
  }
}
