package dev.flagon.demo;

import java.time.Clock;
import java.util.Map;

/**
 * The demo app running in this JVM on an ephemeral loopback port, for the browser tests. It lives in the
 * demo's package to build the demo's own configuration ({@code DemoApp.configFromEnvironment}, package
 * private) and differs from {@code scripts/demo} only in the key, the clock and the port.
 */
public final class InProcessDemo implements AutoCloseable {
  /** A fixed key, so that a failing test's cookies can be decoded afterwards. */
  public static final String SECRET_KEY = "flagon-browser-tests-not-a-secret";

  private final WebServer server;

  private InProcessDemo(WebServer server) {
    this.server = server;
  }

  /** Starts the demo as {@code FLAGON_SECRET_KEY=}{@link #SECRET_KEY} would, with {@code clock}. */
  public static InProcessDemo start(Clock clock) throws Exception {
    var config = DemoApp.configFromEnvironment(Map.of("FLAGON_SECRET_KEY", SECRET_KEY))
        .toBuilder()
        .clock(clock)
        .build();
    return new InProcessDemo(DemoApp.start(config, 0));
  }

  /** For example {@code http://127.0.0.1:41234}, without a trailing slash. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** Stops the server. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the demo server did not stop cleanly", e);
    }
  }
}
