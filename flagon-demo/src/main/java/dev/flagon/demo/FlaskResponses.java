package dev.flagon.demo;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Responses as Flask sends them: {@code text/html; charset=utf-8} bodies, and Werkzeug's redirect and error
 * pages byte for byte, so that a client comparing with Flask sees the same thing.
 */
final class FlaskResponses {
  private static final String CONTENT_TYPE = "text/html; charset=utf-8";

  private FlaskResponses() {}

  /**
   * Sends a body. No {@code Content-Length} is set by hand: Jetty would commit the response as soon as that
   * many bytes are written, and the session filter must still add its headers when the servlet returns.
   */
  static void send(HttpServletResponse response, int status, String body) throws IOException {
    response.setStatus(status);
    response.setContentType(CONTENT_TYPE);
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  /** A 200 response with this JSON body, as Flask's {@code response_class(text, mimetype="application/json")}. */
  static void json(HttpServletResponse response, String body) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  /** A 200 response with this body. */
  static void ok(HttpServletResponse response, String body) throws IOException {
    send(response, HttpServletResponse.SC_OK, body);
  }

  /** Flask's {@code redirect(location)}: 302, the location URI-quoted in the header, escaped in the body. */
  static void redirect(HttpServletResponse response, String location) throws IOException {
    response.setHeader("Location", iriToUri(location));
    String escaped = Html.escape(location);
    send(response, HttpServletResponse.SC_FOUND,
        "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
            + "<p>You should be redirected automatically to the target URL: <a href=\"" + escaped + "\">"
            + escaped + "</a>. If not, click the link.\n");
  }

  /** Werkzeug's error page for 400, 401, 404 or 405; any other status sends the 500 page. */
  static void error(HttpServletResponse response, int status) throws IOException {
    String title;
    String description;
    switch (status) {
      case 400 -> {
        title = "Bad Request";
        description = "The browser (or proxy) sent a request that this server could not understand.";
      }
      case 401 -> {
        title = "Unauthorized";
        description = "The server could not verify that you are authorized to access the URL requested. You"
            + " either supplied the wrong credentials (e.g. a bad password), or your browser doesn&#39;t understand"
            + " how to supply the credentials required.";
      }
      case 404 -> {
        title = "Not Found";
        description = "The requested URL was not found on the server. If you entered the URL manually"
            + " please check your spelling and try again.";
      }
      case 405 -> {
        title = "Method Not Allowed";
        description = "The method is not allowed for the requested URL.";
      }
      default -> {
        status = 500;
        title = "Internal Server Error";
        description = "The server encountered an internal error and was unable to complete your request."
            + " Either the server is overloaded or there is an error in the application.";
      }
    }
    send(response, status, "<!doctype html>\n<html lang=en>\n<title>" + status + " " + title
        + "</title>\n<h1>" + title + "</h1>\n<p>" + description + "</p>\n");
  }

  /** Werkzeug's {@code iri_to_uri}: percent-encodes (UTF-8) everything but URI characters. */
  static String iriToUri(String iri) {
    StringBuilder out = new StringBuilder(iri.length());
    for (byte b : iri.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~%/:?#[]@!$&'()*+,;=".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
