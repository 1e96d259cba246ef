package dev.flagon.example.javalin;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.codec.Secret;
import dev.flagon.javalin.FlagonPlugin;
import io.javalin.Javalin;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;

/**
 * Flask's session example on Javalin: {@code /login} stores {@code user_id}, {@code /} greets the user,
 * {@code /logout} forgets them. A Flask app with the same {@code SECRET_KEY} reads and writes the same
 * cookie.
 *
 * <pre>
 * mvn -B -q -pl examples/javalin -am package -DskipTests \
 *   &amp;&amp; java -jar examples/javalin/target/flagon-example-javalin-standalone.jar [--port 5000]
 * </pre>
 *
 * <p>Configuration comes from {@code FLAGON_}-prefixed environment variables with Flask's names
 * ({@code FLAGON_SECRET_KEY}, ...). Without {@code FLAGON_SECRET_KEY} a random key is used for this run.
 */
public final class ExampleApp {
  /** Flask's development server port. */
  static final int DEFAULT_PORT = 5000;

  private static final String HOST = "127.0.0.1"; // like Flask's development server
  private static final String SECRET_KEY_VARIABLE = "FLAGON_SECRET_KEY";
  private static final System.Logger LOG = System.getLogger(ExampleApp.class.getName());

  private ExampleApp() {}

  /** Runs the example until Ctrl-C; {@code --port N} overrides port 5000. */
  public static void main(String[] args) {
    int port;
    try {
      port = port(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Javalin app = create(Flagon.create(config(System.getenv()))).start(HOST, port);
    System.out.println("Flagon Javalin example on http://" + HOST + ":" + app.port() + "/ (Ctrl-C to stop)");
  }

  /** The application, not started: Flask's three seed routes behind {@link FlagonPlugin}. */
  public static Javalin create(Flagon flagon) {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.registerPlugin(new FlagonPlugin(flagon));
      config.routes.get("/", ctx -> {
        Session session = ctx.with(FlagonPlugin.class);
        ctx.result(session.contains("user_id")
            ? "Logged in as user " + session.get("user_id")
            : "Not logged in");
      });
      config.routes.get("/login", ctx -> {
        ctx.with(FlagonPlugin.class).put("user_id", 12345);
        ctx.redirect("/");
      });
      config.routes.get("/logout", ctx -> {
        ctx.with(FlagonPlugin.class).pop("user_id", null);
        ctx.redirect("/");
      });
    });
  }

  /**
   * Flagon's configuration from this environment's {@code FLAGON_} variables; a missing key is replaced by
   * a random one, with a warning (never the key itself).
   *
   * @throws IllegalArgumentException if a variable has an invalid value
   */
  static FlagonConfig config(Map<String, String> environment) {
    String key = environment.get(SECRET_KEY_VARIABLE);
    if (key != null && !key.isEmpty()) {
      return FlagonConfig.fromEnvironment(environment);
    }
    LOG.log(Level.WARNING, SECRET_KEY_VARIABLE + " is not set: using a random secret key for this run, so"
        + " sessions will not survive a restart. Set " + SECRET_KEY_VARIABLE + " to keep them.");
    Map<String, String> withKey = new HashMap<>(environment);
    withKey.put(SECRET_KEY_VARIABLE, Secret.generateHex(32));
    return FlagonConfig.fromEnvironment(withKey);
  }

  /**
   * The port from {@code --port N} (or {@code --port=N}), else 5000.
   *
   * @throws IllegalArgumentException for an unknown argument or an invalid port
   */
  static int port(String... args) {
    int port = DEFAULT_PORT;
    for (int i = 0; i < args.length; i++) {
      String value;
      if (args[i].equals("--port") && i + 1 < args.length) {
        value = args[++i];
      } else if (args[i].startsWith("--port=")) {
        value = args[i].substring("--port=".length());
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: [--port PORT]");
      }
      try {
        port = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port needs a number from 0 to 65535, not " + value);
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port needs a number from 0 to 65535, not " + value);
      }
    }
    return port;
  }
}
