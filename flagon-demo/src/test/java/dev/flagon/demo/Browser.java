package dev.flagon.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser for the live tests: one cookie jar for every server on 127.0.0.1 (cookies do not depend on the
 * port), values kept as sent (quoted or not), a cookie deleted by {@code Max-Age=0}, and a User-Agent.
 */
final class Browser {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String userAgent = "Browser/1.0";

  /** A response: status, body and Set-Cookie headers. */
  record Answer(int status, String body, List<String> setCookies) {}

  Browser userAgent(String agent) {
    this.userAgent = agent;
    return this;
  }

  /** The cookie's value as the browser holds it, or null. */
  String cookie(String name) {
    return cookies.get(name);
  }

  /** Sets (null: drops) a cookie, as a user editing it would. */
  void cookie(String name, String value) {
    if (value == null) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }

  Answer get(String url) throws IOException, InterruptedException {
    return get(url, Map.of());
  }

  Answer get(String url, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("User-Agent", userAgent);
    headers.forEach(request::header);
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
          .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    List<String> setCookies = response.headers().allValues("Set-Cookie");
    for (String header : setCookies) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (header.contains("; Max-Age=0")) {
        cookies.remove(pair.substring(0, eq));
      } else {
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return new Answer(response.statusCode(), response.body(), setCookies);
  }
}
