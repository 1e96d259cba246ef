package dev.flagon.servlet;

import dev.flagon.FlashMessage;
import dev.flagon.Session;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;

/** The route catalog of the HTTP vectors (flask-session-format.md 1.6) as one servlet. */
final class FlaskRoutes extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI();
    Session session;
    switch (path) {
      case "/":
        session = FlagonFilter.session(request);
        body(response, session.contains("user_id")
            ? "Logged in as user " + session.get("user_id") : "Not logged in");
        break;
      case "/login-permanent":
        FlagonFilter.session(request).setPermanent(true);
        FlagonFilter.session(request).put("user_id", 12345);
        response.sendRedirect("/");
        break;
      case "/login":
        FlagonFilter.session(request).put("user_id", 12345);
        response.sendRedirect("/");
        break;
      case "/logout":
        FlagonFilter.session(request).pop("user_id", null);
        response.sendRedirect("/");
        break;
      case "/flash":
        FlagonFilter.session(request).flash(param(request, "m", "Hello"), param(request, "c", "message"));
        response.sendRedirect("/");
        break;
      case "/messages":
        body(response, FlagonFilter.session(request).flashes().stream()
            .map((FlashMessage m) -> m.category() + ":" + m.message()).collect(Collectors.joining("\n")));
        break;
      case "/put":
        FlagonFilter.session(request).put(request.getParameter("key"), request.getParameter("value"));
        body(response, "ok");
        break;
      case "/clear":
        FlagonFilter.session(request).clear();
        body(response, "cleared");
        break;
      case "/peek":
        body(response, Integer.toString(FlagonFilter.session(request).size()));
        break;
      case "/static-page":
        body(response, "static");
        break;
      case "/permanent-off":
        FlagonFilter.session(request).setPermanent(false);
        body(response, "ok");
        break;
      default:
        response.sendError(404);
    }
  }

  private static String param(HttpServletRequest request, String name, String fallback) {
    String value = request.getParameter(name);
    return value != null ? value : fallback;
  }

  private static void body(HttpServletResponse response, String text) throws IOException {
    response.setContentType("text/html; charset=utf-8");
    response.getWriter().write(text);
  }
}
