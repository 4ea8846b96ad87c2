package org.mdeprofiles.deploy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mdeprofiles.io.Json;
import org.mdeprofiles.io.JsonReader;
import org.mdeprofiles.text.Printable;

/**
 * The parts of Microsoft Graph (beta, which has {@code deploymentChannel}) a deploy uses, with a
 * token from Microsoft identity's client-credentials flow ({@code POST
 * /{tenant}/oauth2/v2.0/token}, scope {@code {graph}/.default}). An expired token (401) is
 * renewed once. Lists are read page by page, following {@code @odata.nextLink} only on the same
 * host.
 */
public final class GraphApi {
  static final String CONFIGURATIONS = "/beta/deviceManagement/deviceConfigurations";

  private final HttpApi login;
  private final HttpApi graph;
  private final String graphUrl;
  private final GraphCredentials credentials;
  private String token;

  public GraphApi(HttpApi login, HttpApi graph, String graphUrl, GraphCredentials credentials) {
    this.login = login;
    this.graph = graph;
    this.graphUrl = graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
    this.credentials = credentials;
  }

  private String token() throws DeployException {
    if (token != null) {
      return token;
    }
    String path = "/" + URLEncoder.encode(credentials.tenant(), StandardCharsets.UTF_8) + "/oauth2/v2.0/token";
    String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(graphUrl + "/.default",
        StandardCharsets.UTF_8) + "&" + credentials.form(login.base() + path, Instant.now());
    HttpApi.Response r = login.send("POST", path, form.getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
    String who = "the app " + Printable.line(credentials.clientId()) + " in tenant " + Printable.line(credentials.tenant());
    if (r.status() == 400 || r.status() == 401) {
      throw new DeployException("Microsoft identity refused the login of " + who + " (" + r.status() + error(r)
          + "): check the tenant, the client ID and the secret or certificate");
    }
    if (r.status() != 200) {
      throw new DeployException("Microsoft identity answered " + r.status() + " to the login of " + who);
    }
    if (json(r, "the token") instanceof Map<?, ?> m && m.get("access_token") instanceof String t && !t.isEmpty()) {
      token = t;
      return t;
    }
    throw new DeployException("Microsoft identity answered the login of " + who + " with no access_token");
  }

  /** Microsoft identity's error code (such as AADSTS7000215), never its free text, which may quote input. */
  private static String error(HttpApi.Response r) {
    try {
      if (JsonReader.parse(r.text()) instanceof Map<?, ?> m && m.get("error_codes") instanceof List<?> codes
          && !codes.isEmpty()) {
        return ", AADSTS" + codes.get(0);
      }
    } catch (IllegalArgumentException e) {
      // no code to give
    }
    return "";
  }

  private HttpApi.Response call(String method, String path, Object body) throws DeployException {
    HttpApi.Response r = send(method, path, body);
    if (r.status() == 401) {
      token = null;
      r = send(method, path, body);
    }
    if (r.status() == 401 || r.status() == 403) {
      throw new DeployException(method + " " + path(path) + ": Microsoft Graph answered " + r.status()
          + "; the app needs the application permission DeviceManagementConfiguration.ReadWrite.All, with admin consent");
    }
    return r;
  }

  private HttpApi.Response send(String method, String path, Object body) throws DeployException {
    String bearer = "Bearer " + token();
    return body == null
        ? graph.send(method, path, null, "Authorization", bearer, "Accept", "application/json")
        : graph.send(method, path, Json.write(body).getBytes(StandardCharsets.UTF_8), "Authorization", bearer,
            "Accept", "application/json", "Content-Type", "application/json");
  }

  private static String path(String path) {
    int q = path.indexOf('?');
    return Printable.line(q < 0 ? path : path.substring(0, q));
  }

  private static Object json(HttpApi.Response r, String what) throws DeployException {
    try {
      return JsonReader.parse(r.text());
    } catch (IllegalArgumentException e) {
      throw new DeployException("Microsoft Graph answered " + what + " with something that is not JSON");
    }
  }

  private static DeployException failed(String method, String path, HttpApi.Response r) {
    return new DeployException(method + " " + path(path) + ": Microsoft Graph answered " + r.status() + message(r));
  }

  /** Graph's error code and message, cut short and made one line. */
  private static String message(HttpApi.Response r) {
    try {
      if (JsonReader.parse(r.text()) instanceof Map<?, ?> m && m.get("error") instanceof Map<?, ?> e) {
        String text = e.get("code") + ": " + e.get("message");
        return ": " + Printable.line(text.length() > 200 ? text.substring(0, 200) + "..." : text);
      }
    } catch (IllegalArgumentException e) {
      // no message to give
    }
    return "";
  }

  /** The device configurations named {@code displayName} ($filter on displayName). */
  public List<Map<?, ?>> configurationsNamed(String displayName) throws DeployException {
    String filter = "displayName eq '" + displayName.replace("'", "''") + "'";
    return list(CONFIGURATIONS + "?$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  /** Every device configuration, page by page. */
  public List<Map<?, ?>> configurations() throws DeployException {
    return list(CONFIGURATIONS);
  }

  private List<Map<?, ?>> list(String first) throws DeployException {
    List<Map<?, ?>> out = new ArrayList<>();
    String path = first;
    for (int page = 0; path != null; page++) {
      if (page >= 1000) {
        throw new DeployException("GET " + CONFIGURATIONS + ": more than 1000 pages; stopped");
      }
      HttpApi.Response r = call("GET", path, null);
      if (r.status() != 200) {
        throw failed("GET", path, r);
      }
      if (!(json(r, "the list") instanceof Map<?, ?> m) || !(m.get("value") instanceof List<?> values)) {
        throw new DeployException("GET " + path(path) + ": Microsoft Graph answered without a value list");
      }
      values.stream().filter(Map.class::isInstance).map(v -> (Map<?, ?>) v).forEach(out::add);
      path = m.get("@odata.nextLink") instanceof String next ? graph.pathOnThisHost(next) : null;
    }
    return out;
  }

  public Map<?, ?> configuration(String id) throws DeployException {
    String path = CONFIGURATIONS + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    HttpApi.Response r = call("GET", path, null);
    if (r.status() != 200) {
      throw failed("GET", path, r);
    }
    if (json(r, "the configuration") instanceof Map<?, ?> m) {
      return m;
    }
    throw new DeployException("GET " + path(path) + ": Microsoft Graph answered without an object");
  }

  /** Creates a configuration; returns its ID. */
  public String create(Map<?, ?> body) throws DeployException {
    HttpApi.Response r = call("POST", CONFIGURATIONS, body);
    if (r.status() / 100 != 2) {
      throw failed("POST", CONFIGURATIONS, r);
    }
    if (json(r, "the new configuration") instanceof Map<?, ?> m && m.get("id") instanceof String id) {
      return id;
    }
    throw new DeployException("POST " + CONFIGURATIONS + ": Microsoft Graph answered without the new ID");
  }

  public void update(String id, Map<?, ?> body) throws DeployException {
    String path = CONFIGURATIONS + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    HttpApi.Response r = call("PATCH", path, body);
    if (r.status() / 100 != 2) {
      throw failed("PATCH", path, r);
    }
  }

  public void delete(String id) throws DeployException {
    String path = CONFIGURATIONS + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    HttpApi.Response r = call("DELETE", path, null);
    if (r.status() / 100 != 2) {
      throw failed("DELETE", path, r);
    }
  }

  /** The group IDs configuration {@code id} is assigned to. */
  public List<String> assignedGroups(String id) throws DeployException {
    List<String> out = new ArrayList<>();
    String path = CONFIGURATIONS + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/assignments";
    HttpApi.Response r = call("GET", path, null);
    if (r.status() != 200) {
      throw failed("GET", path, r);
    }
    if (json(r, "the assignments") instanceof Map<?, ?> m && m.get("value") instanceof List<?> values) {
      for (Object v : values) {
        if (v instanceof Map<?, ?> a && a.get("target") instanceof Map<?, ?> t && t.get("groupId") instanceof String g) {
          out.add(g);
        }
      }
    }
    return out;
  }

  /** Assigns configuration {@code id} to exactly {@code groups}. */
  public void assign(String id, List<String> groups) throws DeployException {
    List<Object> assignments = new ArrayList<>();
    for (String g : groups) {
      Map<String, Object> target = new java.util.LinkedHashMap<>();
      target.put("@odata.type", "#microsoft.graph.groupAssignmentTarget");
      target.put("groupId", g);
      assignments.add(Map.of("target", target));
    }
    String path = CONFIGURATIONS + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/assign";
    HttpApi.Response r = call("POST", path, Map.of("assignments", assignments));
    if (r.status() / 100 != 2) {
      throw failed("POST", path, r);
    }
  }
}
