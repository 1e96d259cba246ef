package dev.flagon.demo;

import dev.flagon.FlashMessage;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The route catalog of the HTTP vectors (spec section 1.6), written as the Flask app that recorded them:
 * same paths, bodies, redirects and session operations in the same order. An exception in a route becomes
 * Werkzeug's 500 page; writes made before it are still saved, as in Flask.
 */
final class CatalogServlet extends HttpServlet {
  private static final System.Logger LOG = System.getLogger(CatalogServlet.class.getName());

  private final transient Function<HttpServletRequest, CatalogSession> sessions;
  private final String indexUrl;

  /**
   * @param sessions the session of a request, opened only by routes that use it
   * @param indexUrl what Flask's {@code url_for("index")} gives: the application root and {@code /}
   */
  CatalogServlet(Function<HttpServletRequest, CatalogSession> sessions, String indexUrl) {
    this.sessions = sessions;
    this.indexUrl = indexUrl;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      route(request, response, QueryString.parse(request.getQueryString()));
    } catch (QueryString.MissingParameterException e) {
      response.resetBuffer();
      FlaskResponses.error(response, HttpServletResponse.SC_BAD_REQUEST);
    } catch (RuntimeException e) {
      // Writing to Flask's null session is expected to fail; anything else is worth a warning.
      Level level = e instanceof CatalogSession.NullSessionException ? Level.DEBUG : Level.WARNING;
      LOG.log(level, "route " + request.getServletPath() + " failed: answering 500", e);
      response.resetBuffer();
      FlaskResponses.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
  }

  private void route(HttpServletRequest request, HttpServletResponse response, QueryString query)
      throws IOException {
    switch (request.getServletPath()) {
      case "/" -> {
        CatalogSession session = sessions.apply(request);
        FlaskResponses.ok(response, session.contains("user_id")
            ? "Logged in as user " + pythonStr(session.get("user_id"))
            : "Not logged in");
      }
      case "/login" -> {
        sessions.apply(request).put("user_id", 12345);
        FlaskResponses.redirect(response, indexUrl);
      }
      case "/login-permanent" -> {
        CatalogSession session = sessions.apply(request);
        session.setPermanent(true);
        session.put("user_id", 12345);
        FlaskResponses.redirect(response, indexUrl);
      }
      case "/logout" -> {
        sessions.apply(request).pop("user_id");
        FlaskResponses.redirect(response, indexUrl);
      }
      case "/flash" -> {
        // Flask evaluates the arguments before it touches the session.
        String message = query.get("m", "Hello");
        String category = query.get("c", "message");
        sessions.apply(request).flash(message, category);
        FlaskResponses.redirect(response, indexUrl);
      }
      case "/messages" -> FlaskResponses.ok(response, sessions.apply(request).flashes().stream()
          .map(CatalogServlet::categoryAndMessage)
          .collect(Collectors.joining("\n")));
      case "/put" -> {
        // session[request.args["key"]] = request.args["value"]: Python reads the value first.
        String value = query.require("value");
        String key = query.require("key");
        sessions.apply(request).put(key, value);
        FlaskResponses.ok(response, "ok");
      }
      case "/clear" -> {
        sessions.apply(request).clear();
        FlaskResponses.ok(response, "cleared");
      }
      case "/peek" -> FlaskResponses.ok(response, Integer.toString(sessions.apply(request).size()));
      case "/static-page" -> FlaskResponses.ok(response, "static");
      case "/permanent-off" -> {
        sessions.apply(request).setPermanent(false);
        FlaskResponses.ok(response, "ok");
      }
      default -> FlaskResponses.error(response, HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private static String categoryAndMessage(FlashMessage flash) {
    return flash.category() + ":" + pythonStr(flash.message());
  }

  /** Python's {@code str()} for the values these routes store (strings, ints, booleans, None). */
  private static String pythonStr(Object value) {
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return value == null ? "None" : value.toString();
  }
}
