package org.mdeprofiles.deploy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.io.JsonReader;
import org.mdeprofiles.text.Printable;

/**
 * The parts of Jamf Pro's APIs a deploy uses. Login: an API client's token from
 * {@code POST /api/oauth/token} (client credentials), or a user's from {@code POST
 * /api/v1/auth/token} (Basic auth on that endpoint only); every other call carries the bearer
 * token, never Basic auth. Profiles and groups: the Classic API, {@code /JSSResource/...}, in XML.
 * An expired token (401) is renewed once.
 */
public final class JamfApi {
  /** One configuration profile as the Classic API lists it. */
  public record Listed(int id, String name) {}

  static final String PROFILES = "/JSSResource/osxconfigurationprofiles";
  static final String GROUPS = "/JSSResource/computergroups";

  private final HttpApi http;
  private final JamfCredentials credentials;
  private String token;

  public JamfApi(HttpApi http, JamfCredentials credentials) {
    this.http = http;
    this.credentials = credentials;
  }

  private String token() throws DeployException {
    if (token == null) {
      token = credentials.apiClient() ? clientToken() : userToken();
    }
    return token;
  }

  private String clientToken() throws DeployException {
    String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(credentials.id(), StandardCharsets.UTF_8)
        + "&client_secret=" + URLEncoder.encode(new String(credentials.secret()), StandardCharsets.UTF_8);
    HttpApi.Response r = http.send("POST", "/api/oauth/token", form.getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
    return tokenFrom(r, "access_token", "the API client " + Printable.line(credentials.id()));
  }

  private String userToken() throws DeployException {
    String basic = Base64.getEncoder().encodeToString(
        (credentials.id() + ":" + new String(credentials.secret())).getBytes(StandardCharsets.UTF_8));
    HttpApi.Response r = http.send("POST", "/api/v1/auth/token", null, "Authorization", "Basic " + basic,
        "Accept", "application/json");
    return tokenFrom(r, "token", "the user " + Printable.line(credentials.id()));
  }

  private String tokenFrom(HttpApi.Response r, String field, String who) throws DeployException {
    if (r.status() == 401 || r.status() == 403 || r.status() == 400) {
      throw new DeployException("Jamf Pro at " + http.host() + " refused the login of " + who + " (" + r.status()
          + "): check the ID and the secret");
    }
    if (r.status() != 200) {
      throw new DeployException("Jamf Pro at " + http.host() + " answered " + r.status() + " to the login of " + who);
    }
    try {
      if (JsonReader.parse(r.text()) instanceof Map<?, ?> m && m.get(field) instanceof String t && !t.isEmpty()) {
        return t;
      }
    } catch (IllegalArgumentException e) {
      // said below
    }
    throw new DeployException("Jamf Pro at " + http.host() + " answered the login with no " + field);
  }

  /** A Classic API call with the bearer token; renewed once on 401. */
  private HttpApi.Response classic(String method, String path, byte[] body) throws DeployException {
    HttpApi.Response r = call(method, path, body);
    if (r.status() == 401) {
      token = null;
      r = call(method, path, body);
    }
    if (r.status() == 401 || r.status() == 403) {
      throw new DeployException(method + " " + Printable.line(path) + ": Jamf Pro at " + http.host() + " answered "
          + r.status() + "; the account needs the privileges to read, create, update and delete macOS"
          + " configuration profiles and to read computer groups");
    }
    return r;
  }

  private HttpApi.Response call(String method, String path, byte[] body) throws DeployException {
    String bearer = "Bearer " + token();
    return body == null
        ? http.send(method, path, null, "Authorization", bearer, "Accept", "application/xml")
        : http.send(method, path, body, "Authorization", bearer, "Accept", "application/xml",
            "Content-Type", "application/xml");
  }

  private static DeployException failed(String method, String path, HttpApi.Response r) {
    return new DeployException(method + " " + Printable.line(path) + ": Jamf Pro answered " + r.status() + reason(r));
  }

  /** What Jamf's HTML error page says (its paragraphs), cut short and made one line. */
  private static String reason(HttpApi.Response r) {
    String text = r.text().replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    if (text.isEmpty()) {
      return "";
    }
    return ": " + Printable.line(text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }

  /** Every configuration profile, by ID and name. */
  public List<Listed> profiles() throws DeployException {
    HttpApi.Response r = classic("GET", PROFILES, null);
    if (r.status() != 200) {
      throw failed("GET", PROFILES, r);
    }
    List<Listed> out = new ArrayList<>();
    for (ClassicXml p : ClassicXml.parse(r.body(), "GET " + PROFILES).children("", "os_x_configuration_profile")) {
      Optional<String> id = p.text("id");
      Optional<String> name = p.text("name");
      if (id.isPresent() && name.isPresent()) {
        try {
          out.add(new Listed(Integer.parseInt(id.get().trim()), name.get()));
        } catch (NumberFormatException e) {
          throw new DeployException("GET " + PROFILES + ": a profile with the ID " + Printable.line(id.get()));
        }
      }
    }
    return out;
  }

  /** One profile, as Jamf serves it. */
  public ClassicXml profile(int id) throws DeployException {
    String path = PROFILES + "/id/" + id;
    HttpApi.Response r = classic("GET", path, null);
    if (r.status() != 200) {
      throw failed("GET", path, r);
    }
    return ClassicXml.parse(r.body(), "GET " + path);
  }

  /** Creates a profile; returns its new ID. */
  public int create(byte[] body) throws DeployException {
    return write("POST", PROFILES + "/id/0", body);
  }

  /** Updates profile {@code id}; returns its ID. */
  public int update(int id, byte[] body) throws DeployException {
    return write("PUT", PROFILES + "/id/" + id, body);
  }

  public void delete(int id) throws DeployException {
    String path = PROFILES + "/id/" + id;
    HttpApi.Response r = classic("DELETE", path, null);
    if (r.status() / 100 != 2) {
      throw failed("DELETE", path, r);
    }
  }

  private int write(String method, String path, byte[] body) throws DeployException {
    HttpApi.Response r = classic(method, path, body);
    if (r.status() / 100 != 2) {
      throw failed(method, path, r);
    }
    Optional<String> id = ClassicXml.parse(r.body(), method + " " + path).text("id");
    try {
      return Integer.parseInt(id.orElse("").trim());
    } catch (NumberFormatException e) {
      throw new DeployException(method + " " + path + ": Jamf Pro answered without the profile's ID");
    }
  }

  /** The names of every computer group. */
  public List<String> computerGroups() throws DeployException {
    HttpApi.Response r = classic("GET", GROUPS, null);
    if (r.status() != 200) {
      throw failed("GET", GROUPS, r);
    }
    List<String> out = new ArrayList<>();
    for (ClassicXml g : ClassicXml.parse(r.body(), "GET " + GROUPS).children("", "computer_group")) {
      g.text("name").ifPresent(out::add);
    }
    return out;
  }
}
