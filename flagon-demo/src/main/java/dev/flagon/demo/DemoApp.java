package dev.flagon.demo;

import dev.flagon.FlagonConfig;
import dev.flagon.SessionInterface;
import dev.flagon.codec.Secret;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Flask's session example on Flagon and embedded Jetty: log in, log out, flash messages, and a page that
 * decodes the cookie without the key.
 *
 * <pre>
 * scripts/demo [--port PORT] [--redis URL]   # then open http://localhost:5000/
 * </pre>
 *
 * <p>{@code --redis redis://host:6379/0} (or {@code FLAGON_SESSION_TYPE=redis} with
 * {@code FLAGON_SESSION_REDIS}) keeps the sessions in Redis as Flask-Session does: the cookie then carries
 * only a session id.
 *
 * <p>The configuration comes from {@code FLAGON_}-prefixed environment variables with Flask's names
 * ({@code FLAGON_SECRET_KEY}, {@code FLAGON_SESSION_COOKIE_SECURE}, ...) over the demo's defaults: Flask's
 * recommended cookie flags (Secure, HttpOnly, SameSite=Lax; browsers accept Secure cookies on
 * http://localhost) and a 60 minute {@code PERMANENT_SESSION_LIFETIME} for "remember me". Without
 * {@code FLAGON_SECRET_KEY}, a random key is used for this run.
 */
public final class DemoApp {
  /** Flask's development server port. */
  static final int DEFAULT_PORT = 5000;
  /** How long "remember me" keeps the user logged in. */
  static final Duration REMEMBER_ME = Duration.ofMinutes(60);

  private static final String LOOPBACK = "127.0.0.1";
  private static final String SECRET_KEY = "FLAGON_SECRET_KEY";
  /**
   * The demo's settings unless the environment says otherwise: Flask's recommended cookie flags (what
   * {@code FlagonConfig.Builder.recommended()} sets) and 60 minutes for "remember me".
   */
  private static final Map<String, String> DEFAULTS = Map.of(
      "FLAGON_SESSION_COOKIE_SECURE", "true",
      "FLAGON_SESSION_COOKIE_HTTPONLY", "true",
      "FLAGON_SESSION_COOKIE_SAMESITE", "Lax",
      "FLAGON_PERMANENT_SESSION_LIFETIME", Long.toString(REMEMBER_ME.toSeconds()));
  private static final String USAGE = "usage: demo [--port PORT] [--redis URL]";
  /** Printed at startup while the cookie is Secure: why a script's login "silently fails", and the way out. */
  static final String SECURE_COOKIE_NOTE = "The session cookie is Secure: browsers send it back to"
      + " http://localhost, but Python requests and other non-browser clients send it only over https, so"
      + " their logins seem to fail; for them, start with FLAGON_SESSION_COOKIE_SECURE=false.";
  private static final System.Logger LOG = System.getLogger(DemoApp.class.getName());

  private DemoApp() {}

  /** Runs the demo until Ctrl-C; a usage or configuration error is one line on stderr and exit status 2. */
  public static void main(String[] args) throws Exception {
    int status = run(args, System.getenv(), System.out, System.err, WebServer::join);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * What {@code main} does, on these streams and this environment: parses the arguments, builds the
   * configuration, starts the server and hands it to {@code whileRunning} ({@code main} waits for it to
   * stop). Nothing is thrown for a mistake of the user's: it is one line on {@code err}.
   *
   * @return the exit status: 0, 2 for a usage or configuration error, 1 if the port cannot be listened on
   */
  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
      CommandLine.WhileRunning whileRunning) throws Exception {
    int port = DEFAULT_PORT;
    Map<String, String> variables = new HashMap<>(environment);
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = CommandLine.port(CommandLine.value(args, ++i, "--port"));
          case "--redis" -> {
            variables.put("FLAGON_SESSION_TYPE", "redis");
            variables.put("FLAGON_SESSION_REDIS", CommandLine.value(args, ++i, "--redis"));
          }
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      return CommandLine.fail(err, CommandLine.USAGE, e.getMessage() + "; " + USAGE);
    }
    FlagonConfig config;
    SessionInterface sessions;
    try {
      config = configFromEnvironment(variables);
      sessions = SessionInterface.create(config); // SESSION_TYPE: cookie, or redis with SESSION_REDIS
    } catch (IllegalArgumentException | IllegalStateException e) {
      return CommandLine.fail(err, CommandLine.USAGE,
          "invalid configuration (FLAGON_ environment variables): " + e.getMessage());
    }
    WebServer server;
    try {
      server = start(sessions, config.permanentSessionLifetime(), port);
    } catch (IOException e) {
      return CommandLine.fail(err, CommandLine.CANNOT_LISTEN, CommandLine.cannotListen(port, e));
    }
    out.println("Flagon demo running on http://localhost:" + server.port() + "/ (Ctrl-C to stop)");
    if (config.cookieSecure()) {
      out.println(SECURE_COOKIE_NOTE);
    }
    out.flush();
    whileRunning.accept(server);
    return 0;
  }

  /**
   * Starts the demo on 127.0.0.1 with Flagon's sessions for this configuration.
   *
   * @param port the port, {@code 0} for any free one
   */
  public static WebServer start(FlagonConfig config, int port) throws Exception {
    return start(SessionInterface.create(config), config.permanentSessionLifetime(), port);
  }

  /**
   * Starts the demo on 127.0.0.1 on any sessions.
   *
   * @param rememberMe how long "remember me" keeps a user logged in, as the page says it
   * @param port the port, {@code 0} for any free one
   */
  public static WebServer start(SessionInterface sessions, Duration rememberMe, int port) throws Exception {
    return WebServer.start(LOOPBACK, port, context -> {
      WebServer.addSessionFilter(context, sessions);
      context.addServlet(new ServletHolder(new DemoServlet(sessions, rememberMe)), "/");
    });
  }

  /**
   * The demo's configuration: every {@code FLAGON_} variable of this environment, read by Flagon's own
   * parser, over the demo's defaults. A missing key is replaced by a random one, with a warning (never the
   * key itself).
   *
   * @throws IllegalArgumentException if a variable has an invalid value
   */
  static FlagonConfig configFromEnvironment(Map<String, String> environment) {
    Map<String, String> variables = new HashMap<>(DEFAULTS);
    variables.putAll(environment);
    if (!variables.getOrDefault(SECRET_KEY, "").isEmpty()) {
      return FlagonConfig.fromEnvironment(variables);
    }
    LOG.log(Level.WARNING, SECRET_KEY + " is not set: using a random secret key for this run, so sessions"
        + " will not survive a restart. Set " + SECRET_KEY + " to keep them.");
    // What `./flagon secret` prints: 32 bytes from SecureRandom as hex, used as a text key.
    variables.put(SECRET_KEY, Secret.generateHex(32));
    return FlagonConfig.fromEnvironment(variables);
  }
}
