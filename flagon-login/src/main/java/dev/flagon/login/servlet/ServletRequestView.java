package dev.flagon.login.servlet;

import dev.flagon.WerkzeugCookie;
import dev.flagon.login.RequestView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@link RequestView} over a servlet request, as Flask's {@code request} reads the same HTTP request: the
 * method in upper case, a repeated header joined with {@code ,} (as Werkzeug's and gunicorn's WSGI servers
 * join it), cookies as Werkzeug parses the {@code Cookie} headers (not the container's parser), and
 * {@code request.host} by Werkzeug 3.1's {@code get_host}. Form fields are not read (Flask-WTF then takes the
 * token from {@code WTF_CSRF_HEADERS}). Also for Javalin and Spring MVC, whose requests are servlet requests.
 */
public final class ServletRequestView implements RequestView {
  /** Werkzeug's {@code _host_re}: ASCII letters, digits, {@code .-}, or a bracketed IPv6; an optional port. */
  private static final Pattern HOST =
      Pattern.compile("(?i)(?:[a-z0-9.-]+|\\[[a-f0-9]*:[a-f0-9.:]+])(?::([1-9][0-9]{0,4}))?");

  private final HttpServletRequest request;
  private List<String> cookieHeaders;

  private ServletRequestView(HttpServletRequest request) {
    this.request = request;
  }

  /** A view of this request. @throws NullPointerException if it is null */
  public static ServletRequestView of(HttpServletRequest request) {
    return new ServletRequestView(Objects.requireNonNull(request, "request"));
  }

  @Override
  public String method() {
    return request.getMethod().toUpperCase(Locale.ROOT);
  }

  @Override
  public String header(String name) {
    List<String> values = Collections.list(request.getHeaders(name));
    return values.isEmpty() ? null : String.join(",", values);
  }

  @Override
  public String cookie(String name) {
    if (cookieHeaders == null) {
      cookieHeaders = Collections.list(request.getHeaders("Cookie"));
    }
    return WerkzeugCookie.firstValue(cookieHeaders, name);
  }

  @Override
  public String remoteAddress() {
    return request.getRemoteAddr();
  }

  @Override
  public boolean isSecure() {
    return request.isSecure();
  }

  @Override
  public String host() {
    return host(request.getHeader("Host"), isSecure());
  }

  /** Werkzeug's {@code get_host} for a {@code Host} header: the scheme's port removed, invalid ones empty. */
  static String host(String header, boolean secure) {
    if (header == null) {
      return "";
    }
    String suffix = secure ? ":443" : ":80";
    String host = header.endsWith(suffix) ? header.substring(0, header.length() - suffix.length()) : header;
    var match = HOST.matcher(host);
    if (!match.matches() || (match.group(1) != null && Integer.parseInt(match.group(1)) > 65535)) {
      return "";
    }
    return host;
  }

  @Override
  public String toString() {
    return "ServletRequestView[" + request.getMethod() + " " + request.getRequestURI() + "]";
  }
}
