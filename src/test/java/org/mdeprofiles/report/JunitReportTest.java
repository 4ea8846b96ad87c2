package org.mdeprofiles.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.TestProfiles;
import org.mdeprofiles.cli.CliRun;

class JunitReportTest {
  @TempDir Path dir;

  @Test
  void aJunitParserReadsOneCasePerFileAndAFailurePerError() throws Exception {
    Path good = dir.resolve("good.mobileconfig");
    Files.writeString(good, TestProfiles.defaultKext());
    Path bad = dir.resolve("bad & <odd> \"name\".mobileconfig");
    Files.writeString(bad, TestProfiles.defaultKext()
        .replace("<key>AllowUserOverrides</key>\n\t\t\t<false/>", "<key>AllowUserOverrides</key>\n\t\t\t<integer>0</integer>")
        .replace("<string>System</string>", "<string>Device</string>"));
    Path broken = dir.resolve("broken.mobileconfig");
    Files.writeString(broken, "<plist>");
    CliRun run = CliRun.of("validate", "--format", "junit", good.toString(), bad.toString(), broken.toString());
    assertEquals(3, run.exit());

    TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
    List<ReportTestSuite> suites = parser.parse(new InputStreamReader(
        new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    assertTrue(parser.isValid());
    assertEquals(1, suites.size());
    ReportTestSuite suite = suites.get(0);
    assertEquals(3, suite.getNumberOfTests());
    assertEquals(3, suite.getTestCases().size());
    assertEquals(bad.toString(), suite.getTestCases().get(1).getName());
    assertTrue(suite.getTestCases().get(1).hasFailure());
    assertTrue(suite.getTestCases().get(2).hasError());
    assertEquals(false, suite.getTestCases().get(0).hasFailure());
    assertEquals(2, run.out().split("<failure ", -1).length - 1, "one failure per error");
  }

  @Test
  void escapingKeepsTheReportWellFormed() {
    assertEquals("a&amp;b&lt;c&gt;&quot;d\uFFFD", JunitReport.xml("a&b<c>\"d\u0001"));
  }
}
