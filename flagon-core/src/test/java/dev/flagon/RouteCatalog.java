package dev.flagon;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test app of the HTTP vectors (spec 1.6), run directly on a {@link Session}: what each Flask view
 * does to the session, and the status and body it answers. Reusable by integrations' tests (test-jar).
 */
public final class RouteCatalog {

  /** A view's answer. */
  public record Response(int status, String body, String location) {}

  private RouteCatalog() {}

  /**
   * Runs the view for a request path with its query string, as Flask's test app does.
   *
   * @param applicationRoot {@code APPLICATION_ROOT}, which prefixes redirect targets (Flask's url_for)
   */
  public static Response run(Session session, String pathAndQuery, String applicationRoot) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    Map<String, String> args = query(q < 0 ? "" : pathAndQuery.substring(q + 1));
    String index = (applicationRoot == null || applicationRoot.isEmpty() ? "/" : applicationRoot)
        .replaceAll("/+$", "") + "/";
    switch (path) {
      case "/":
        return ok(session.contains("user_id") ? "Logged in as user " + session.get("user_id") : "Not logged in");
      case "/login":
        session.put("user_id", 12345);
        return redirect(index);
      case "/login-permanent":
        session.setPermanent(true);
        session.put("user_id", 12345);
        return redirect(index);
      case "/logout":
        session.pop("user_id", null);
        return redirect(index);
      case "/flash":
        session.flash(args.getOrDefault("m", "Hello"), args.getOrDefault("c", "message"));
        return redirect(index);
      case "/messages": {
        List<String> lines = new ArrayList<>();
        for (FlashMessage m : session.flashes()) {
          lines.add(m.category() + ":" + m.message());
        }
        return ok(String.join("\n", lines));
      }
      case "/put":
        session.put(args.get("key"), args.get("value"));
        return ok("ok");
      case "/clear":
        session.clear();
        return ok("cleared");
      case "/peek":
        return ok(Integer.toString(session.size()));
      case "/static-page":
        return ok("static");
      case "/permanent-off":
        session.setPermanent(false);
        return ok("ok");
      default:
        return new Response(404, "", null);
    }
  }

  /** Werkzeug's query parsing: {@code &}-separated, {@code +} is a space, percent-decoded as UTF-8; first wins. */
  static Map<String, String> query(String query) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      args.putIfAbsent(name, value);
    }
    return args;
  }

  private static Response ok(String body) {
    return new Response(200, body, null);
  }

  /** Flask's redirect(): 302 with Werkzeug's HTML body. */
  private static Response redirect(String location) {
    String body = "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
        + "<p>You should be redirected automatically to the target URL: <a href=\"" + location + "\">" + location
        + "</a>. If not, click the link.\n";
    return new Response(302, body, location);
  }
}
