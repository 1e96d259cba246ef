package dev.flagon.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** A plain HTTP/1.1 client for the tests: no redirects followed, no cookie jar, headers sent as given. */
final class TestHttp {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  private TestHttp() {}

  /** Sends a request; {@code headers} alternate names and values. */
  static HttpResponse<String> send(String method, String url, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, publisher);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET, with a {@code Cookie} header unless {@code cookie} is null. */
  static HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
    return cookie == null ? send("GET", url, null) : send("GET", url, null, "Cookie", cookie);
  }

  /** A form POST, with a {@code Cookie} header unless {@code cookie} is null. */
  static HttpResponse<String> postForm(String url, String form, String cookie)
      throws IOException, InterruptedException {
    String[] formType = {"Content-Type", "application/x-www-form-urlencoded"};
    return cookie == null
        ? send("POST", url, form, formType)
        : send("POST", url, form, formType[0], formType[1], "Cookie", cookie);
  }

  /** Every {@code Set-Cookie} value, in order. */
  static List<String> setCookies(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie");
  }

  /** The one {@code Set-Cookie} of a response. */
  static String onlySetCookie(HttpResponse<?> response) {
    List<String> values = setCookies(response);
    if (values.size() != 1) {
      throw new AssertionError("expected one Set-Cookie, got " + values);
    }
    return values.get(0);
  }

  /** The {@code name=value} pair of a {@code Set-Cookie} value, as a browser sends it back. */
  static String cookiePair(String setCookie) {
    int end = setCookie.indexOf(';');
    return end < 0 ? setCookie : setCookie.substring(0, end);
  }

  /** The {@code Location} header, if any. */
  static Optional<String> location(HttpResponse<?> response) {
    return response.headers().firstValue("Location");
  }
}
