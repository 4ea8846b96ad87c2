package org.mdeprofiles.deploy;

import com.dd.plist.NSDictionary;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.mdeprofiles.pack.JamfProModel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An in-process stand-in for Jamf Pro's APIs, built from their documented behaviour, so that
 * {@code deploy} is tested against the server's rules rather than against our own reading of
 * them. A test double: it is not Jamf Pro, and the tool has not been run against a live server.
 *
 * <p>Sources: [auth] Jamf Pro API documentation, "Client Credentials" (POST /api/oauth/token with
 * grant_type, client_id, client_secret as a form; answers access_token and expires_in) and
 * "Bearer token authentication" (POST /api/v1/auth/token with Basic auth answers token and
 * expires); [basic] Jamf Pro release notes 10.49 and 11.5: Basic authentication on the Classic API
 * is off, a Classic request needs a bearer token (401 otherwise); [classic] the Classic API
 * reference for osxconfigurationprofiles (GET the list and /id/N, POST /id/0 creates, PUT /id/N
 * updates the fields it carries, DELETE /id/N; XML bodies; 201 with the ID on create and update;
 * 409 with an HTML page on a body it cannot store, such as a missing name or a duplicate) and for
 * computergroups; [model] the storage rules of {@link JamfProModel} (identity minted on create,
 * kept as sent on update; one extra entity decoding; verbatim payloads).
 */
final class JamfProEmulator extends LoopbackServer {
  /** A request as the server saw it: no body, no credentials. */
  record Seen(String method, String path, String auth) {}

  private record Stored(Map<String, String> general, List<String> groups, NSDictionary served) {}

  private final String clientId;
  private final String clientSecret;
  private final String user;
  private final String password;
  private final Map<Integer, Stored> profiles = new TreeMap<>();
  private final List<String> groups = new ArrayList<>();
  private final Set<String> tokens = new HashSet<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final AtomicInteger tokenCount = new AtomicInteger();
  private final List<Seen> seen = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Deque<int[]> faults = new ArrayDeque<>();
  private int refuseWritesAfter = Integer.MAX_VALUE;
  private int writes;
  private String redirectTo;

  JamfProEmulator(String clientId, String clientSecret, String user, String password) throws IOException {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.user = user;
    this.password = password;
  }

  void addGroup(String name) {
    groups.add(name);
  }

  /** Makes every token issued so far expire: the next Classic call gets 401 [auth]. */
  synchronized void expireTokens() {
    tokens.clear();
  }

  /** The next request answers {@code status} once, with Retry-After {@code seconds} when not negative. */
  synchronized void failNext(int status, int retryAfterSeconds) {
    faults.add(new int[] {status, retryAfterSeconds});
  }

  /** Writes after the first {@code n} answer 409 (a database Jamf cannot update), until reset. */
  synchronized void refuseWritesAfter(int n) {
    refuseWritesAfter = n;
    writes = 0;
  }

  /** Every request answers a redirect to {@code host}. */
  synchronized void redirectTo(String host) {
    redirectTo = host;
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  int tokensIssued() {
    return tokenCount.get();
  }

  /** What a Mac in scope gets for profile {@code name}, as Jamf serves it. */
  synchronized Optional<NSDictionary> served(String name) {
    return profiles.values().stream().filter(p -> p.general().get("name").equals(name)).map(Stored::served)
        .findFirst();
  }

  synchronized Map<String, Integer> ids() {
    Map<String, Integer> out = new TreeMap<>();
    profiles.forEach((id, p) -> out.put(p.general().get("name"), id));
    return out;
  }

  /** Puts a profile in as if an admin had uploaded it: {@code body} is a Classic body. */
  synchronized int upload(byte[] body) throws Exception {
    int id = nextId.getAndIncrement();
    Document doc = xml(body);
    profiles.put(id, new Stored(general(doc, Map.of()), groupsOf(doc), JamfProModel.create(body, minted(id))));
    return id;
  }

  private static String minted(int id) {
    return UUID.nameUUIDFromBytes(("jamf-profile-" + id).getBytes(StandardCharsets.UTF_8)).toString()
        .toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  synchronized void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      String auth = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).orElse("");
      seen.add(new Seen(method, path, auth.startsWith("Basic") ? "basic" : auth.startsWith("Bearer") ? "bearer" : ""));
      byte[] body = ex.getRequestBody().readAllBytes();
      if (redirectTo != null) {
        ex.getResponseHeaders().add("Location", "https://" + redirectTo + path);
        send(ex, 302, "");
        return;
      }
      if (!faults.isEmpty()) {
        int[] fault = faults.poll();
        if (fault[1] >= 0) {
          ex.getResponseHeaders().add("Retry-After", String.valueOf(fault[1]));
        }
        send(ex, fault[0], "<html><body><p>Service unavailable</p></body></html>");
        return;
      }
      if (path.equals("/api/oauth/token") && method.equals("POST")) {
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        boolean ok = "client_credentials".equals(form.get("grant_type")) && clientId.equals(form.get("client_id"))
            && clientSecret.equals(form.get("client_secret"));
        sendToken(ex, ok, "{\"access_token\": \"%s\", \"scope\": \"api-role:1\", \"token_type\": \"Bearer\","
            + " \"expires_in\": 299}");
        return;
      }
      if (path.equals("/api/v1/auth/token") && method.equals("POST")) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8));
        sendToken(ex, auth.equals(expected), "{\"token\": \"%s\", \"expires\": \"2026-12-01T12:00:00.000Z\"}");
        return;
      }
      if (!path.startsWith("/JSSResource/")) {
        send(ex, 404, "");
        return;
      }
      // [basic] The Classic API takes a bearer token only.
      if (!auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
        send(ex, 401, "<html><body><p>The request requires user authentication</p></body></html>");
        return;
      }
      classic(ex, method, path, body);
    } catch (Exception e) {
      send(ex, 500, "<html><body><p>" + e + "</p></body></html>");
    }
  }

  private void sendToken(HttpExchange ex, boolean ok, String json) throws IOException {
    if (!ok) {
      send(ex, 401, "{\"httpStatus\": 401, \"errors\": []}");
      return;
    }
    String token = "token-" + tokenCount.incrementAndGet();
    tokens.add(token);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    send(ex, 200, String.format(json, token));
  }

  private void classic(HttpExchange ex, String method, String path, byte[] body) throws Exception {
    String profilesPath = "/JSSResource/osxconfigurationprofiles";
    if (path.equals("/JSSResource/computergroups") && method.equals("GET")) {
      StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><computer_groups><size>")
          .append(groups.size()).append("</size>");
      for (int i = 0; i < groups.size(); i++) {
        xml.append("<computer_group><id>").append(i + 1).append("</id><name>").append(esc(groups.get(i)))
            .append("</name><is_smart>false</is_smart></computer_group>");
      }
      send(ex, 200, xml.append("</computer_groups>").toString());
      return;
    }
    if (path.equals(profilesPath) && method.equals("GET")) {
      StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><os_x_configuration_profiles>"
          + "<size>").append(profiles.size()).append("</size>");
      profiles.forEach((id, p) -> xml.append("<os_x_configuration_profile><id>").append(id).append("</id><name>")
          .append(esc(p.general().get("name"))).append("</name></os_x_configuration_profile>"));
      send(ex, 200, xml.append("</os_x_configuration_profiles>").toString());
      return;
    }
    if (!path.startsWith(profilesPath + "/id/")) {
      send(ex, 404, "");
      return;
    }
    int id = Integer.parseInt(path.substring((profilesPath + "/id/").length()));
    switch (method) {
      case "GET" -> {
        Stored p = profiles.get(id);
        if (p == null) {
          send(ex, 404, "<html><body><p>The server has not found anything matching the request URI</p></body></html>");
        } else {
          send(ex, 200, render(id, p));
        }
      }
      case "DELETE" -> {
        if (profiles.remove(id) == null) {
          send(ex, 404, "");
        } else {
          send(ex, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><os_x_configuration_profile><id>" + id
              + "</id></os_x_configuration_profile>");
        }
      }
      case "POST", "PUT" -> write(ex, method, id, body);
      default -> send(ex, 405, "");
    }
  }

  private void write(HttpExchange ex, String method, int id, byte[] body) throws Exception {
    if (writes++ >= refuseWritesAfter) {
      send(ex, 409, "<html><body><p>Conflict</p><p>Error: Unable to update the database</p></body></html>");
      return;
    }
    Document doc;
    try {
      doc = xml(body);
    } catch (Exception e) {
      send(ex, 400, "<html><body><p>Bad Request</p></body></html>");
      return;
    }
    if (method.equals("POST")) {
      if (id != 0) {
        send(ex, 409, "<html><body><p>Error: id must be 0 to create</p></body></html>");
        return;
      }
      Map<String, String> general = general(doc, Map.of());
      if (general.getOrDefault("name", "").isBlank()) {
        send(ex, 409, "<html><body><p>Conflict</p><p>Error: Problem with field name</p></body></html>");
        return;
      }
      if (profiles.values().stream().anyMatch(p -> p.general().get("name").equals(general.get("name")))) {
        send(ex, 409, "<html><body><p>Conflict</p><p>Error: Duplicate name</p></body></html>");
        return;
      }
      NSDictionary served;
      try {
        served = JamfProModel.create(body, minted(nextId.get()));
      } catch (JamfProModel.Refused e) {
        send(ex, 409, "<html><body><p>Conflict</p><p>Error: Unable to update the database</p></body></html>");
        return;
      }
      int newId = nextId.getAndIncrement();
      profiles.put(newId, new Stored(general, groupsOf(doc), served));
      send(ex, 201, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><os_x_configuration_profile><id>" + newId
          + "</id></os_x_configuration_profile>");
      return;
    }
    Stored old = profiles.get(id);
    if (old == null) {
      send(ex, 404, "");
      return;
    }
    // [classic] PUT updates what the body carries and keeps the rest.
    NSDictionary served = old.served();
    if (doc.getElementsByTagName("payloads").getLength() > 0) {
      try {
        served = JamfProModel.update(body);
      } catch (JamfProModel.Refused e) {
        send(ex, 409, "<html><body><p>Conflict</p><p>Error: Unable to update the database</p></body></html>");
        return;
      }
    }
    List<String> newGroups = doc.getElementsByTagName("computer_groups").getLength() > 0 ? groupsOf(doc) : old.groups();
    profiles.put(id, new Stored(general(doc, old.general()), newGroups, served));
    send(ex, 201, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><os_x_configuration_profile><id>" + id
        + "</id></os_x_configuration_profile>");
  }

  private static String render(int id, Stored p) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><os_x_configuration_profile>"
        + "<general><id>").append(id).append("</id>");
    for (String field : List.of("name", "description", "distribution_method", "redeploy_on_update")) {
      xml.append('<').append(field).append('>').append(esc(p.general().getOrDefault(field, ""))).append("</")
          .append(field).append('>');
    }
    xml.append("<category><id>-1</id><name>").append(esc(p.general().getOrDefault("category", "No category assigned")))
        .append("</name></category>");
    xml.append("<uuid>").append(p.served().get("PayloadUUID").toJavaObject()).append("</uuid>");
    xml.append("<payloads>").append(esc(p.served().toXMLPropertyList())).append("</payloads></general>");
    xml.append("<scope><all_computers>false</all_computers><computer_groups>");
    for (String g : p.groups()) {
      xml.append("<computer_group><id>1</id><name>").append(esc(g)).append("</name></computer_group>");
    }
    return xml.append("</computer_groups></scope></os_x_configuration_profile>").toString();
  }

  private static Map<String, String> general(Document doc, Map<String, String> old) {
    Map<String, String> out = new HashMap<>(old);
    for (String field : List.of("name", "description", "distribution_method", "redeploy_on_update")) {
      Optional<String> v = child(doc, "general", field);
      v.ifPresent(s -> out.put(field, s.strip()));
    }
    NodeList categories = doc.getElementsByTagName("category");
    if (categories.getLength() > 0) {
      NodeList names = ((Element) categories.item(0)).getElementsByTagName("name");
      if (names.getLength() > 0) {
        out.put("category", names.item(0).getTextContent().strip());
      }
    }
    return out;
  }

  private static Optional<String> child(Document doc, String parent, String name) {
    NodeList parents = doc.getElementsByTagName(parent);
    if (parents.getLength() == 0) {
      return Optional.empty();
    }
    NodeList children = ((Element) parents.item(0)).getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
        return Optional.of(e.getTextContent());
      }
    }
    return Optional.empty();
  }

  private static List<String> groupsOf(Document doc) {
    List<String> out = new ArrayList<>();
    NodeList groups = doc.getElementsByTagName("computer_group");
    for (int i = 0; i < groups.getLength(); i++) {
      NodeList names = ((Element) groups.item(i)).getElementsByTagName("name");
      if (names.getLength() > 0) {
        out.add(names.item(0).getTextContent());
      }
    }
    return out;
  }

  private static Document xml(byte[] body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(body));
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
