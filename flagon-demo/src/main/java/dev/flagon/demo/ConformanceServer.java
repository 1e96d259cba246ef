package dev.flagon.demo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flagon.SessionInterface;
import dev.flagon.Session;
import dev.flagon.redis.RedisSessionInterface;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Consumer;
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
 * {@code http-vectors.json}. The server behaves as Flask does: an oversized cookie is sent with a warning
 * (unless {@code SESSION_SIZE_POLICY} says otherwise), and without a secret key it serves Flask's null
 * session. The catalog runs on any {@link SessionInterface}: the config's {@code SESSION_FORMAT} and
 * {@code SESSION_SIZE_POLICY} choose among Flagon's (signed as Flask, encrypted, split cookies). With
 * {@code --test-clock}, the request header {@code X-Test-Now: <epoch seconds>} sets the time for that
 * request. It listens on 127.0.0.1 only and prints {@code listening on http://127.0.0.1:PORT} when ready.
 * With a {@code SECRET_KEY}, it also serves Flask-Login's and Flask-WTF's {@code /auth} and {@code /csrf}
 * routes ({@link AuthServlet}, docs/login.md) over the same sessions.
 */
public final class ConformanceServer {
  private static final String LOOPBACK = "127.0.0.1";
  private static final String USAGE =
      "usage: conformance-server --port PORT --config FILE [--test-clock]";

  private ConformanceServer() {}

  /** Runs the server until the process is stopped; a usage or configuration error is one line, exit 2. */
  public static void main(String[] args) throws Exception {
    int status = run(args, System.out, System.err, WebServer::join);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * What {@code main} does, on these streams: parses the arguments, reads the settings, starts the server
   * and hands it to {@code whileRunning}. A mistake of the user's is one line on {@code err}.
   *
   * @return the exit status: 0, 2 for a usage or configuration error, 1 if the port cannot be listened on
   */
  static int run(String[] args, PrintStream out, PrintStream err, CommandLine.WhileRunning whileRunning)
      throws Exception {
    Integer port = null;
    Path config = null;
    boolean testClock = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = CommandLine.port(CommandLine.value(args, ++i, "--port"));
          case "--config" -> config = Path.of(CommandLine.value(args, ++i, "--config"));
          case "--test-clock" -> testClock = true;
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (port == null || config == null) {
        throw new IllegalArgumentException("--port and --config are required");
      }
    } catch (IllegalArgumentException e) {
      return CommandLine.fail(err, CommandLine.USAGE, e.getMessage() + "; " + USAGE);
    }
    ConformanceSettings settings;
    try {
      settings = ConformanceSettings.read(config);
    } catch (IOException | IllegalArgumentException e) {
      return CommandLine.fail(err, CommandLine.USAGE, "cannot use " + config + ": " + reason(e));
    }
    WebServer server;
    try {
      server = start(settings, LOOPBACK, port, testClock);
    } catch (IOException e) {
      return CommandLine.fail(err, CommandLine.CANNOT_LISTEN, CommandLine.cannotListen(port, e));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return CommandLine.fail(err, CommandLine.USAGE, "invalid configuration in " + config + ": " + e.getMessage());
    }
    out.println("listening on " + server.baseUrl());
    out.flush();
    whileRunning.accept(server);
    return 0;
  }

  /** Why the settings file cannot be used, in one line: jackson's messages hold a newline and its source. */
  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof JsonProcessingException json) {
      JsonLocation at = json.getLocation();
      return "not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }
    return e.getMessage();
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
    Optional<SessionInterface> sessions = settings.sessions(testClock ? clock : Clock.systemUTC());
    Function<HttpServletRequest, CatalogSession> open = sessions.isPresent()
        ? request -> CatalogSession.of(FlagonFilter.session(request), regenerator(sessions.get()))
        : request -> CatalogSession.nullSession();
    return WebServer.start(host, port, context -> {
      if (testClock) {
        // Outside the session filter, so that opening and saving both see the request's time.
        context.addFilter(
            new FilterHolder(new TestClockFilter(clock)), "/*", EnumSet.of(DispatcherType.REQUEST));
      }
      sessions.ifPresent(any -> {
        WebServer.addSessionFilter(context, any);
        AuthServlet.mount(context, settings.extensionConfig(), testClock ? clock : Clock.systemUTC());
      });
      context.addServlet(new ServletHolder(new CatalogServlet(open, settings.indexUrl())), "/");
    });
  }

  /**
   * What {@code /regenerate} does: Flask-Session's {@code regenerate()} on Redis (a new id, the old entry
   * deleted); on cookie sessions, which have no id to fix, the cookie is re-issued (re-signed now), the
   * nearest equivalent, and the body is {@code ok} in both modes.
   */
  static Consumer<Session> regenerator(SessionInterface sessions) {
    return sessions instanceof RedisSessionInterface redis ? redis::regenerate : Session::markModified;
  }
}
