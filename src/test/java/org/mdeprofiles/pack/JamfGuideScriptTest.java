package org.mdeprofiles.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdeprofiles.cli.CliRun;

/**
 * The Classic API script in {@code jamf/UPLOAD.md}, pasted into bash as the guide says, against a
 * Jamf Pro emulator on loopback that stores through {@link JamfProModel}: it gets a bearer token
 * from the API client, creates every profile once, and on a second run updates them in place,
 * keeping the identity Jamf minted (no ghost profiles). Needs bash, curl and xmllint.
 */
class JamfGuideScriptTest {
  private static final String SECRET = "api-client-secret-5c1e";
  private static final String TOKEN = "token-from-the-emulator";

  @TempDir Path dir;
  private HttpServer server;
  private final Map<Integer, NSDictionary> stored = new LinkedHashMap<>();
  private final Map<Integer, String> names = new LinkedHashMap<>();
  private final List<String> refusals = new ArrayList<>();

  @BeforeEach
  void startEmulator() throws IOException {
    for (String tool : List.of("bash", "curl", "xmllint")) {
      assumeTrue(onPath(tool), "skipped: " + tool + " is not on the PATH (the guide's script needs it;"
          + " Debian: apt-get install curl libxml2-utils)");
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/oauth/token", this::token);
    server.createContext("/JSSResource/osxconfigurationprofiles", this::profiles);
    server.start();
  }

  @AfterEach
  void stopEmulator() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static boolean onPath(String tool) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, tool))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theGuidesScriptCreatesOnceThenUpdatesInPlace() throws Exception {
    Path out = dir.resolve("out");
    CliRun gen = CliRun.of("generate", "--mdm", "jamf", "--org", "R&D \"Lab\"", "--out", out.toString());
    assertEquals(0, gen.exit(), gen.err());
    Path jamf = out.resolve("jamf");
    String script = script(Files.readString(jamf.resolve("UPLOAD.md")));
    long bodies;
    try (var list = Files.list(jamf)) {
      bodies = list.filter(p -> p.toString().endsWith(".classic.xml")).count();
    }

    Run first = bash(script, jamf);
    assertEquals(0, first.exit(), first.err());
    assertEquals("", first.err(), first.out());
    assertEquals(List.of(), refusals);
    assertEquals(bodies, stored.size());
    assertEquals(bodies, first.out().lines().filter(l -> l.startsWith("created: ")).count(), first.out());
    Map<Integer, String> minted = new LinkedHashMap<>();
    stored.forEach((id, p) -> minted.put(id, ((NSString) p.get("PayloadUUID")).getContent()));

    Run second = bash(script, jamf);
    assertEquals(0, second.exit(), second.err());
    assertEquals(bodies, stored.size(), "an update adds no profile");
    assertEquals(bodies, second.out().lines().filter(l -> l.startsWith("updated: ")).count(), second.out());
    stored.forEach((id, p) -> {
      assertEquals(minted.get(id), ((NSString) p.get("PayloadUUID")).getContent(), "identity kept: " + names.get(id));
      assertEquals(minted.get(id), ((NSString) p.get("PayloadIdentifier")).getContent());
    });
    assertFalse(first.out().contains(SECRET) || first.err().contains(SECRET) || second.out().contains(SECRET));
    try (var list = Files.list(jamf)) {
      assertTrue(list.noneMatch(p -> p.toString().endsWith(".update")), "no temporary body left");
    }
  }

  /** The indented block after "Paste this into", with the emulator's address. */
  private String script(String guide) {
    int start = guide.indexOf("Paste this into");
    assertTrue(start > 0, "the guide has the script");
    StringBuilder out = new StringBuilder();
    boolean inBlock = false;
    for (String line : guide.substring(start).split("\n", -1)) {
      if (line.startsWith("    ")) {
        inBlock = true;
        out.append(line.substring(4)).append('\n');
      } else if (inBlock && !line.isEmpty()) {
        break;
      } else if (inBlock) {
        out.append('\n');
      }
    }
    String text = out.toString();
    assertTrue(text.contains("JAMF_URL=https://yourserver.jamfcloud.com"), text);
    return text.replaceFirst("JAMF_URL=\\S+", "JAMF_URL=http://127.0.0.1:" + server.getAddress().getPort())
        .replaceFirst("JAMF_CLIENT_ID=\\S+", "JAMF_CLIENT_ID=mde-ci");
  }

  private record Run(int exit, String out, String err) {}

  private Run bash(String script, Path workDir) throws Exception {
    Path file = dir.resolve("pasted.sh");
    Files.writeString(file, "set -u\n" + script);
    Process p = new ProcessBuilder("bash", file.toString()).directory(workDir.toFile()).start();
    p.getOutputStream().write((SECRET + "\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script finishes");
    return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private void token(HttpExchange x) throws IOException {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    boolean ok = x.getRequestMethod().equals("POST") && "client_credentials".equals(form.get("grant_type"))
        && "mde-ci".equals(form.get("client_id")) && SECRET.equals(form.get("client_secret"));
    reply(x, ok ? 200 : 401, ok ? "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":1199}"
        : "{\"error\":\"invalid_client\"}");
  }

  private void profiles(HttpExchange x) throws IOException {
    // Jamf Pro 11.5 and later refuse Basic authentication on the Classic API.
    if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
      reply(x, 401, "<html>Unauthorized</html>");
      return;
    }
    String path = x.getRequestURI().getPath();
    byte[] body = x.getRequestBody().readAllBytes();
    Matcher id = Pattern.compile("/JSSResource/osxconfigurationprofiles/id/(\\d+)").matcher(path);
    try {
      if (path.equals("/JSSResource/osxconfigurationprofiles") && x.getRequestMethod().equals("GET")) {
        StringBuilder list = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><os_x_configuration_profiles>");
        list.append("<size>").append(names.size()).append("</size>");
        names.forEach((n, name) -> list.append("<os_x_configuration_profile><id>").append(n).append("</id><name>")
            .append(escape(name)).append("</name></os_x_configuration_profile>"));
        reply(x, 200, list.append("</os_x_configuration_profiles>").toString());
      } else if (id.matches() && id.group(1).equals("0") && x.getRequestMethod().equals("POST")) {
        int n = names.size() + 1;
        stored.put(n, JamfProModel.create(body, String.format("0A0A0A0A-0000-4000-8000-%012d", n)));
        names.put(n, name(body));
        reply(x, 201, "<os_x_configuration_profile><id>" + n + "</id></os_x_configuration_profile>");
      } else if (id.matches() && stored.containsKey(Integer.parseInt(id.group(1)))) {
        int n = Integer.parseInt(id.group(1));
        if (x.getRequestMethod().equals("GET")) {
          reply(x, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><os_x_configuration_profile><general><id>" + n
              + "</id><name>" + escape(names.get(n)) + "</name><payloads>"
              + escape(stored.get(n).toXMLPropertyList()) + "</payloads></general></os_x_configuration_profile>");
        } else if (x.getRequestMethod().equals("PUT")) {
          stored.put(n, JamfProModel.update(body));
          reply(x, 201, "<os_x_configuration_profile><id>" + n + "</id></os_x_configuration_profile>");
        } else {
          reply(x, 405, "");
        }
      } else {
        reply(x, 404, "<html>Not Found</html>");
      }
    } catch (JamfProModel.Refused e) {
      refusals.add(e.getMessage());
      reply(x, 409, "<html>Conflict: Unable to update the database</html>");
    }
  }

  private static String name(byte[] body) {
    Matcher m = Pattern.compile("<name>([^<]*)</name>").matcher(new String(body, StandardCharsets.UTF_8));
    assertTrue(m.find());
    return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void reply(HttpExchange x, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      x.getResponseBody().write(bytes);
    }
    x.close();
  }
}
