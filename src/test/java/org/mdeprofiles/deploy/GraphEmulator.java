package org.mdeprofiles.deploy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdeprofiles.io.Json;
import org.mdeprofiles.io.JsonReader;

/**
 * An in-process stand-in for Microsoft identity's token endpoint and the Intune part of Microsoft
 * Graph (beta), built from Microsoft's documentation. A test double: the tool has not been run
 * against a live tenant.
 *
 * <p>Sources: [token] Microsoft identity platform, "OAuth 2.0 client credentials flow" (POST
 * /{tenant}/oauth2/v2.0/token with client_id, scope {resource}/.default, grant_type and either
 * client_secret or a client_assertion JWT of type jwt-bearer signed by the app's certificate,
 * aud the token endpoint; 401 invalid_client with AADSTS error codes otherwise); [graph] Graph
 * beta reference, macOSCustomConfiguration (create with POST, 201 with the object; update with
 * PATCH; delete; payload is the base64 of the file; deploymentChannel cannot change after
 * create: 400); deviceConfiguration assign and list assignments; [odata] Graph paging with
 * {@code @odata.nextLink} and {@code $filter=displayName eq '...'} (quotes doubled); [throttle]
 * Graph throttling guidance: 429 with Retry-After.
 */
final class GraphEmulator extends LoopbackServer {
  private static final String CONFIGURATIONS = "/beta/deviceManagement/deviceConfigurations";
  private static final int PAGE = 3;

  private final String tenant;
  private final String clientId;
  private final String secret;
  private PublicKey certificateKey;
  private final Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
  private final Map<String, List<String>> assignments = new HashMap<>();
  private final Set<String> tokens = new HashSet<>();
  private final AtomicInteger tokenCount = new AtomicInteger();
  private final Deque<int[]> faults = new ArrayDeque<>();
  private final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());

  GraphEmulator(String tenant, String clientId, String secret) throws IOException {
    this.tenant = tenant;
    this.clientId = clientId;
    this.secret = secret;
  }

  /** Registers the app's certificate: assertions signed by its key are accepted [token]. */
  synchronized void trust(PublicKey key) {
    certificateKey = key;
  }

  synchronized void expireTokens() {
    tokens.clear();
  }

  synchronized void failNext(int status, int retryAfterSeconds) {
    faults.add(new int[] {status, retryAfterSeconds});
  }

  int tokensIssued() {
    return tokenCount.get();
  }

  List<String> seen() {
    return List.copyOf(seen);
  }

  synchronized Map<String, String> ids() {
    Map<String, String> out = new java.util.TreeMap<>();
    configurations.forEach((id, c) -> out.put(String.valueOf(c.get("displayName")), id));
    return out;
  }

  synchronized Map<String, Object> configuration(String name) {
    return configurations.values().stream().filter(c -> name.equals(c.get("displayName"))).findFirst().orElseThrow();
  }

  synchronized List<String> assignedTo(String id) {
    return assignments.getOrDefault(id, List.of());
  }

  /** Adds a configuration as if made in the admin center. */
  synchronized String add(Map<String, Object> body) {
    String id = UUID.randomUUID().toString();
    Map<String, Object> stored = new LinkedHashMap<>(body);
    stored.put("id", id);
    configurations.put(id, stored);
    return id;
  }

  @Override
  synchronized void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getRawPath();
      seen.add(method + " " + path);
      byte[] body = ex.getRequestBody().readAllBytes();
      if (!faults.isEmpty()) {
        int[] fault = faults.poll();
        if (fault[1] >= 0) {
          ex.getResponseHeaders().add("Retry-After", String.valueOf(fault[1]));
        }
        send(ex, fault[0], error("TooManyRequests", "Too many requests"));
        return;
      }
      if (path.equals("/" + tenant + "/oauth2/v2.0/token") && method.equals("POST")) {
        token(ex, form(new String(body, StandardCharsets.UTF_8)));
        return;
      }
      String auth = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).orElse("");
      if (!auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
        send(ex, 401, error("InvalidAuthenticationToken", "Access token has expired or is not yet valid."));
        return;
      }
      graph(ex, method, path, ex.getRequestURI().getRawQuery(), body);
    } catch (Exception e) {
      send(ex, 500, error("InternalServerError", String.valueOf(e)));
    }
  }

  private void token(HttpExchange ex, Map<String, String> form) throws Exception {
    boolean ok = "client_credentials".equals(form.get("grant_type")) && clientId.equals(form.get("client_id"))
        && (url() + "/.default").equals(form.get("scope"));
    if (form.containsKey("client_secret")) {
      ok &= secret.equals(form.get("client_secret"));
    } else if ("urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
      ok &= assertionValid(form.getOrDefault("client_assertion", ""));
    } else {
      ok = false;
    }
    if (!ok) {
      send(ex, 401, "{\"error\": \"invalid_client\", \"error_description\": \"AADSTS7000215: Invalid client secret"
          + " provided.\", \"error_codes\": [7000215]}");
      return;
    }
    String token = "graph-token-" + tokenCount.incrementAndGet();
    tokens.add(token);
    send(ex, 200, "{\"token_type\": \"Bearer\", \"expires_in\": 3599, \"access_token\": \"" + token + "\"}");
  }

  /** [token] An RS256 JWT signed by the trusted key, for this app, addressed to this token endpoint. */
  private boolean assertionValid(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3 || certificateKey == null) {
      return false;
    }
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(certificateKey);
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
      return false;
    }
    Map<?, ?> header = (Map<?, ?>) JsonReader.parse(new String(Base64.getUrlDecoder().decode(parts[0]),
        StandardCharsets.UTF_8));
    Map<?, ?> claims = (Map<?, ?>) JsonReader.parse(new String(Base64.getUrlDecoder().decode(parts[1]),
        StandardCharsets.UTF_8));
    long now = System.currentTimeMillis() / 1000;
    return "RS256".equals(header.get("alg")) && header.get("x5t#S256") instanceof String
        && (url() + "/" + tenant + "/oauth2/v2.0/token").equals(claims.get("aud"))
        && clientId.equals(claims.get("iss")) && clientId.equals(claims.get("sub"))
        && ((Number) claims.get("exp")).longValue() > now;
  }

  private void graph(HttpExchange ex, String method, String path, String query, byte[] body) throws Exception {
    if (!path.startsWith(CONFIGURATIONS)) {
      send(ex, 404, error("ResourceNotFound", "no such resource"));
      return;
    }
    String rest = path.substring(CONFIGURATIONS.length());
    if (rest.isEmpty() && method.equals("GET")) {
      list(ex, query);
      return;
    }
    if (rest.isEmpty() && method.equals("POST")) {
      Map<String, Object> object = object(body);
      if (!"#microsoft.graph.macOSCustomConfiguration".equals(object.get("@odata.type"))) {
        send(ex, 400, error("BadRequest", "@odata.type is required"));
        return;
      }
      String id = add(object);
      send(ex, 201, Json.write(configurations.get(id)));
      return;
    }
    String[] segments = rest.substring(1).split("/");
    String id = URLDecoder.decode(segments[0], StandardCharsets.UTF_8);
    Map<String, Object> stored = configurations.get(id);
    if (stored == null) {
      send(ex, 404, error("ResourceNotFound", "no configuration " + id));
      return;
    }
    if (segments.length == 2 && segments[1].equals("assignments") && method.equals("GET")) {
      List<Object> value = new ArrayList<>();
      for (String g : assignments.getOrDefault(id, List.of())) {
        value.add(Map.of("id", id + "_" + g, "target", Map.of("groupId", g)));
      }
      send(ex, 200, Json.write(Map.of("value", value)));
      return;
    }
    if (segments.length == 2 && segments[1].equals("assign") && method.equals("POST")) {
      List<String> groups = new ArrayList<>();
      for (Object a : (List<?>) object(body).get("assignments")) {
        groups.add(String.valueOf(((Map<?, ?>) ((Map<?, ?>) a).get("target")).get("groupId")));
      }
      assignments.put(id, groups);
      send(ex, 200, Json.write(Map.of("value", List.of())));
      return;
    }
    switch (method) {
      case "GET" -> send(ex, 200, Json.write(stored));
      case "DELETE" -> {
        configurations.remove(id);
        assignments.remove(id);
        send(ex, 204, "");
      }
      case "PATCH" -> {
        Map<String, Object> changes = object(body);
        // [graph] The channel is set on create only.
        if (changes.containsKey("deploymentChannel")
            && !changes.get("deploymentChannel").equals(stored.getOrDefault("deploymentChannel", "deviceChannel"))) {
          send(ex, 400, error("BadRequest", "deploymentChannel cannot be changed after creation"));
          return;
        }
        changes.remove("id");
        stored.putAll(changes);
        send(ex, 200, Json.write(stored));
      }
      default -> send(ex, 405, error("MethodNotAllowed", method));
    }
  }

  /** [odata] $filter on displayName, else every configuration, a page at a time. */
  private void list(HttpExchange ex, String query) throws IOException {
    Map<String, String> params = form(query == null ? "" : query);
    List<Map<String, Object>> all = new ArrayList<>(configurations.values());
    if (params.containsKey("$filter")) {
      Matcher m = Pattern.compile("displayName eq '((?:[^']|'')*)'").matcher(params.get("$filter"));
      if (!m.matches()) {
        send(ex, 400, error("BadRequest", "unsupported filter"));
        return;
      }
      String name = m.group(1).replace("''", "'");
      all = all.stream().filter(c -> name.equals(c.get("displayName"))).toList();
      send(ex, 200, Json.write(Map.of("value", all)));
      return;
    }
    int skip = Integer.parseInt(params.getOrDefault("$skiptoken", "0"));
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("value", all.subList(Math.min(skip, all.size()), Math.min(skip + PAGE, all.size())));
    if (skip + PAGE < all.size()) {
      page.put("@odata.nextLink", url() + CONFIGURATIONS + "?$skiptoken=" + (skip + PAGE));
    }
    send(ex, 200, Json.write(page));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(byte[] body) {
    return new LinkedHashMap<>((Map<String, Object>) JsonReader.parse(new String(body, StandardCharsets.UTF_8)));
  }

  private static String error(String code, String message) {
    return Json.write(Map.of("error", Map.of("code", code, "message", message)));
  }
}
