package dev.flagon.demo;

import dev.flagon.Flagon;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The HTTP conformance server: the route catalog of the HTTP vectors on Flagon, so that any client can
 * replay Flask's recorded flows and compare status, body, {@code Set-Cookie} and {@code Vary}.
 *
 * <pre>
 * scripts/conformance-server --port PORT --config FILE [--test-clock]
 * </pre>
 *
 * <p>{@code FILE} holds {@code {"config": {...}, "signing": {...}}} as in a flow of
 * {@code http-vectors.json}. The server behaves as Flask does: an oversized cookie is sent with a warning,
 * and without a secret key it serves Flask's null session. With {@code --test-clock}, the request header
 * {@code X-Test-Now: <epoch seconds>} sets the time for that request. It listens on 127.0.0.1 only and
 * prints {@code listening on http://127.0.0.1:PORT} when ready.
 */
public final class ConformanceServer {
  private static final String LOOPBACK = "127.0.0.1";
  private static final String USAGE =
      "usage: conformance-server --port PORT --config FILE [--test-clock]";

  private ConformanceServer() {}

  /** Runs the server until the process is stopped. */
  public static void main(String[] args) throws Exception {
    Integer port = null;
    Path config = null;
    boolean testClock = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = CommandLine.port(CommandLine.value(args, ++i, "--port"));
          case "--config" -> config = Path.of(CommandLine.value(args, ++i, "--config"));
          case "--test-clock" -> testClock = true;
          case "-h", "--help" -> CommandLine.exit(0, USAGE);
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (port == null || config == null) {
        throw new IllegalArgumentException("--port and --config are required");
      }
    } catch (IllegalArgumentException e) {
      CommandLine.exit(2, e.getMessage() + "\n" + USAGE);
    }
    ConformanceSettings settings = null;
    try {
      settings = ConformanceSettings.read(config);
    } catch (IOException | IllegalArgumentException e) {
      String reason = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
      CommandLine.exit(2, "cannot use " + config + ": " + reason);
    }
    WebServer server;
    try {
      server = start(settings, LOOPBACK, port, testClock);
    } catch (IOException e) {
      CommandLine.exit(1, "cannot listen on port " + port + ": " + e.getMessage());
      return;
    } catch (IllegalArgumentException | IllegalStateException e) {
      CommandLine.exit(2, "invalid configuration in " + config + ": " + e.getMessage());
      return;
    }
    System.out.println("listening on " + server.baseUrl());
    System.out.flush();
    server.join();
  }

  /**
   * Starts the server.
   *
   * @param host the address to bind; the command line always uses 127.0.0.1
   * @param port the port, {@code 0} for any free one
   * @param testClock whether {@code X-Test-Now} sets the clock
   * @throws IllegalArgumentException if {@code testClock} is asked for on a non-loopback address
   */
  static WebServer start(ConformanceSettings settings, String host, int port, boolean testClock)
      throws Exception {
    if (testClock && !InetAddress.getByName(host).isLoopbackAddress()) {
      // A clock that any client can set defeats expiry: never offer it beyond this machine.
      throw new IllegalArgumentException("--test-clock is only allowed on a loopback address, not " + host);
    }
    TestClock clock = new TestClock();
    return WebServer.start(host, port, context -> {
      if (testClock) {
        // Outside the session filter, so that opening and saving both see the request's time.
        context.addFilter(
            new FilterHolder(new TestClockFilter(clock)), "/*", EnumSet.of(DispatcherType.REQUEST));
      }
      Function<HttpServletRequest, CatalogSession> sessions;
      if (settings.sessionsDisabled()) {
        sessions = request -> CatalogSession.nullSession();
      } else {
        Flagon flagon = Flagon.create(settings.flagonConfig(testClock ? clock : Clock.systemUTC()));
        WebServer.addSessionFilter(context, flagon);
        sessions = request -> CatalogSession.of(FlagonFilter.session(request));
      }
      context.addServlet(new ServletHolder(new CatalogServlet(sessions, settings.indexUrl())), "/");
    });
  }
}
