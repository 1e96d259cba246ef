package dev.flagon.javalin;

import dev.flagon.FlashMessage;
import dev.flagon.Session;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/** The route catalog of Flask's HTTP flows (docs/flask-session-format.md, section 1.6), on Javalin. */
final class FlaskRoutes {
  private FlaskRoutes() {}

  /** Adds every catalog route to the app's configuration. */
  static void addTo(JavalinConfig config) {
    config.routes.get("/", ctx -> {
      Session session = FlagonPlugin.session(ctx);
      ctx.result(session.contains("user_id")
          ? "Logged in as user " + session.get("user_id")
          : "Not logged in");
    });
    config.routes.get("/login", ctx -> {
      FlagonPlugin.session(ctx).put("user_id", 12345);
      ctx.redirect("/");
    });
    config.routes.get("/login-permanent", ctx -> {
      Session session = FlagonPlugin.session(ctx);
      session.setPermanent(true);
      session.put("user_id", 12345);
      ctx.redirect("/");
    });
    config.routes.get("/logout", ctx -> {
      FlagonPlugin.session(ctx).pop("user_id", null);
      ctx.redirect("/");
    });
    config.routes.get("/flash", ctx -> {
      FlagonPlugin.session(ctx).flash(query(ctx, "m", "Hello"), query(ctx, "c", "message"));
      ctx.redirect("/");
    });
    config.routes.get("/messages", ctx -> ctx.result(FlagonPlugin.session(ctx).flashes().stream()
        .map(FlaskRoutes::line)
        .collect(Collectors.joining("\n"))));
    config.routes.get("/put", ctx -> {
      FlagonPlugin.session(ctx).put(ctx.queryParam("key"), ctx.queryParam("value"));
      ctx.result("ok");
    });
    config.routes.get("/clear", ctx -> {
      FlagonPlugin.session(ctx).clear();
      ctx.result("cleared");
    });
    config.routes.get("/peek", ctx -> ctx.result(Integer.toString(FlagonPlugin.session(ctx).size())));
    config.routes.get("/static-page", ctx -> ctx.result("static"));
    config.routes.get("/permanent-off", ctx -> {
      FlagonPlugin.session(ctx).setPermanent(false);
      ctx.result("ok");
    });
  }

  private static String query(Context ctx, String name, String fallback) {
    String value = ctx.queryParam(name);
    return value != null ? value : fallback;
  }

  private static String line(FlashMessage flash) {
    return flash.category() + ":" + flash.message();
  }
}
