package dev.flagon.demo;

import dev.flagon.FlashMessage;
import dev.flagon.SessionStoreException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The route catalog of the HTTP vectors (spec section 1.6), written as the Flask app that recorded them:
 * same paths, bodies, redirects and session operations in the same order, plus {@code /dump} (the session as
 * one NV dict), {@code /put-nv?key=K&value=V} and {@code /regenerate} (Flask-Session's {@code regenerate()} on
 * Redis; on cookie sessions a re-issue of the cookie: see docs/redis.md). As in Flask, the session is
 * opened before routing (so a signed but unreadable cookie is a 500 on every path) without counting as an
 * access, and an exception becomes Werkzeug's 500 page, with the writes made before it still saved.
 */
final class CatalogServlet extends HttpServlet {
  private static final System.Logger LOG = System.getLogger(CatalogServlet.class.getName());

  private final transient Function<HttpServletRequest, CatalogSession> sessions;
  private final String indexUrl;

  /**
   * @param sessions opens the session of a request
   * @param indexUrl what Flask's {@code url_for("index")} gives: the application root and {@code /}
   */
  CatalogServlet(Function<HttpServletRequest, CatalogSession> sessions, String indexUrl) {
    this.sessions = sessions;
    this.indexUrl = indexUrl;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      route(request.getServletPath(), sessions.apply(request), QueryString.parse(request.getQueryString()),
          response);
    } catch (SessionStoreException e) {
      throw e; // the session filter answers 503
    } catch (QueryString.MissingParameterException e) {
      response.resetBuffer();
      FlaskResponses.error(response, HttpServletResponse.SC_BAD_REQUEST);
    } catch (RuntimeException e) {
      // Writing to Flask's null session is expected to fail; anything else is worth a warning.
      Level level = e instanceof CatalogSession.NullSessionException ? Level.DEBUG : Level.WARNING;
      LOG.log(level, "answering 500 for " + request.getServletPath(), e);
      response.resetBuffer();
      FlaskResponses.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
  }

  private void route(String path, CatalogSession session, QueryString query, HttpServletResponse response)
      throws IOException {
    switch (path) {
      case "/" -> FlaskResponses.ok(response, session.contains("user_id")
          ? "Logged in as user " + pythonStr(session.get("user_id"))
          : "Not logged in");
      case "/login" -> {
        session.put("user_id", 12345);
        FlaskResponses.redirect(response, indexUrl);
      }
      case "/login-permanent" -> {
        session.setPermanent(true);
        session.put("user_id", 12345);
        FlaskResponses.redirect(response, indexUrl);
      }
      case "/logout" -> {
        session.pop("user_id");
        FlaskResponses.redirect(response, indexUrl);
      }
      case "/flash" -> {
        session.flash(query.get("m", "Hello"), query.get("c", "message"));
        FlaskResponses.redirect(response, indexUrl);
      }
      case "/messages" -> FlaskResponses.ok(response, session.flashes().stream()
          .map(CatalogServlet::categoryAndMessage)
          .collect(Collectors.joining("\n")));
      case "/put" -> {
        // A missing argument is a 400 before anything is written.
        String value = query.require("value");
        String key = query.require("key");
        session.put(key, value);
        FlaskResponses.ok(response, "ok");
      }
      case "/clear" -> {
        session.clear();
        FlaskResponses.ok(response, "cleared");
      }
      case "/peek" -> FlaskResponses.ok(response, Integer.toString(session.size()));
      case "/static-page" -> FlaskResponses.ok(response, "static");
      case "/permanent-off" -> {
        session.setPermanent(false);
        FlaskResponses.ok(response, "ok");
      }
      case "/dump" -> FlaskResponses.json(response, NeutralValues.dump(session.toMap()));
      case "/put-nv" -> {
        String value = query.require("value");
        String key = query.require("key");
        session.put(key, NeutralValues.read(parsed(value)));
        FlaskResponses.ok(response, "ok");
      }
      case "/regenerate" -> {
        session.regenerate();
        FlaskResponses.ok(response, "ok");
      }
      default -> FlaskResponses.error(response, HttpServletResponse.SC_NOT_FOUND);
    }
  }

  /** The JSON text of a query argument; not JSON is Flask's 500, as {@code json.loads} raising there. */
  private static Object parsed(String json) {
    try {
      return JsonValues.parse(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
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
