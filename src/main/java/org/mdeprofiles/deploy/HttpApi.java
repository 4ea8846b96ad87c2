package org.mdeprofiles.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdeprofiles.text.Printable;

/**
 * One server's HTTP API, through the JDK's client: HTTPS only (plain http for a loopback address,
 * which is what tests use), no redirects followed (a server that sends one elsewhere is refused),
 * timeouts, retries with backoff on 429 and 5xx honouring Retry-After, and a bound on the total
 * time. With a log stream, every request is one line: method, path, status, duration; never a
 * header or a body, so no secret can reach it.
 */
public final class HttpApi {
  /** How patient the client is; tests shorten the waits. */
  public record Patience(Duration connect, Duration request, Duration firstBackoff, int attempts, Duration total) {
    public static final Patience DEFAULT =
        new Patience(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(1), 5, Duration.ofMinutes(5));
  }

  /** An answer: status, headers, body. */
  public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }
  }

  private static final int MAX_BODY = 32 * 1024 * 1024;

  private final URI base;
  private final HttpClient client;
  private final Patience patience;
  private final Optional<PrintStream> log;

  /**
   * @param base the server's URL (https, or http on a loopback address)
   * @throws DeployException when the URL is not one the tool talks to
   */
  public HttpApi(String base, Patience patience, Optional<PrintStream> log) throws DeployException {
    this.base = checked(base);
    this.patience = patience;
    this.log = log;
    this.client = HttpClient.newBuilder().connectTimeout(patience.connect())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  private static URI checked(String url) throws DeployException {
    URI uri;
    try {
      uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (URISyntaxException e) {
      throw new DeployException(Printable.line(url) + ": not a URL");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
      throw new DeployException(Printable.line(url) + ": expected https://HOST[:PORT][/PATH], without user or query");
    }
    if ("https".equals(uri.getScheme())) {
      return uri;
    }
    if ("http".equals(uri.getScheme()) && loopback(uri.getHost())) {
      return uri;
    }
    throw new DeployException(Printable.line(url) + ": only https is allowed (http only for a loopback address)");
  }

  /** A loopback name or address literal; no name is looked up (refusing a URL needs no network). */
  private static boolean loopback(String host) {
    return host.equalsIgnoreCase("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]")
        || host.equals("::1");
  }

  /** The base URL, without a trailing slash. */
  public String base() {
    return base.toString();
  }

  /**
   * The path and query of {@code url} (a link the server gave, such as a next page) when it is on
   * this API's scheme, host and port; a link elsewhere is refused.
   */
  public String pathOnThisHost(String url) throws DeployException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new DeployException("the server gave an unreadable link");
    }
    if (!base.getScheme().equals(uri.getScheme()) || !base.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
        || base.getPort() != uri.getPort() || uri.getRawPath() == null || !uri.getRawPath().startsWith(base.getRawPath())) {
      throw new DeployException("the server gave a link to " + Printable.line(String.valueOf(uri.getHost()))
          + "; links to another host are not followed");
    }
    String path = uri.getRawPath().substring(base.getRawPath().length());
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** The host the API is on, as users name it. */
  public String host() {
    return base.getHost();
  }

  /**
   * Sends one request (retried on 429 and 5xx) and returns the final answer, whatever its status.
   *
   * @param path the path under the base URL, query included
   * @param headers alternating names and values
   * @throws DeployException on a network failure, a redirect, or when the time allowed runs out
   */
  public Response send(String method, String path, byte[] body, String... headers) throws DeployException {
    URI uri = URI.create(base + path);
    long deadline = System.nanoTime() + patience.total().toNanos();
    Duration backoff = patience.firstBackoff();
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(patience.request())
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      long start = System.nanoTime();
      HttpResponse<byte[]> answer;
      try {
        answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new DeployException(method + " " + where(path) + ": " + Printable.line(String.valueOf(e.getMessage())), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeployException(method + " " + where(path) + ": interrupted", e);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      log.ifPresent(l -> l.println("http: " + method + " " + where(path) + " " + answer.statusCode() + " " + ms + " ms"));
      int status = answer.statusCode();
      if (status >= 300 && status < 400) {
        String to = answer.headers().firstValue("Location").map(HttpApi::hostOf).orElse("nowhere");
        throw new DeployException(method + " " + where(path) + ": the server answered " + status + " with a redirect to "
            + Printable.line(to) + "; redirects are not followed");
      }
      if (answer.body() != null && answer.body().length > MAX_BODY) {
        throw new DeployException(method + " " + where(path) + ": the answer is larger than " + MAX_BODY + " bytes");
      }
      boolean retry = status == 429 || status >= 500;
      if (!retry || attempt >= patience.attempts()) {
        return new Response(status, answer.headers().map(), answer.body() == null ? new byte[0] : answer.body());
      }
      Duration wait = retryAfter(answer).orElse(backoff);
      if (System.nanoTime() + wait.toNanos() > deadline) {
        throw new DeployException(method + " " + where(path) + ": the server kept answering " + status
            + " and the time allowed (" + patience.total().toSeconds() + " s) ran out");
      }
      sleep(wait);
      backoff = backoff.multipliedBy(2);
    }
  }

  /** The path as said in messages: the API path, without its query (which may name things). */
  private static String where(String path) {
    int q = path.indexOf('?');
    return Printable.line(q < 0 ? path : path.substring(0, q));
  }

  private static String hostOf(String location) {
    try {
      URI uri = URI.create(location);
      return uri.getHost() == null ? "the same host" : uri.getHost();
    } catch (IllegalArgumentException e) {
      return "an unreadable location";
    }
  }

  /** Retry-After in seconds (the form the APIs use), capped at two minutes. */
  private static Optional<Duration> retryAfter(HttpResponse<?> answer) {
    return answer.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        long seconds = Long.parseLong(v.trim());
        return Optional.of(Duration.ofSeconds(Math.max(0, Math.min(seconds, 120))));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private static void sleep(Duration wait) throws DeployException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployException("interrupted while waiting to retry", e);
    }
  }
}
