package dev.flagon.javalin;

import dev.flagon.Flagon;
import dev.flagon.testing.RequestClock;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** A Javalin app with {@link FlagonPlugin} on a free loopback port, and a plain client for it. */
final class TestServer implements AutoCloseable {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  private final Javalin app;

  private TestServer(Javalin app) {
    this.app = app;
  }

  /** Starts an app with the plugin, the {@link RequestClock} before-handler and the given routes. */
  static TestServer start(Flagon flagon, Consumer<JavalinConfig> routes) {
    return startApp(config -> {
      config.registerPlugin(new FlagonPlugin(flagon));
      config.routes.before(ctx -> RequestClock.hold(ctx.header(RequestClock.HEADER)));
      routes.accept(config);
    });
  }

  /** Starts an app configured only as given. */
  static TestServer startApp(Consumer<JavalinConfig> configuration) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      configuration.accept(config);
    });
    return new TestServer(app.start("127.0.0.1", 0));
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  /** A GET with the given headers (alternating names and values), sent as given; no cookie jar. */
  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every {@code Set-Cookie} value, in order. */
  static List<String> setCookies(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie");
  }

  /** Every name listed by the {@code Vary} headers, in order. */
  static List<String> vary(HttpResponse<?> response) {
    return response.headers().allValues("Vary").stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /** The {@code name=value} part of a {@code Set-Cookie} value, as a browser sends it back. */
  static String cookiePair(String setCookie) {
    int end = setCookie.indexOf(';');
    return end < 0 ? setCookie : setCookie.substring(0, end);
  }

  @Override
  public void close() {
    app.stop();
  }
}
