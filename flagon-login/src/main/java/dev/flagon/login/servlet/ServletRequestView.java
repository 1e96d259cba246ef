package dev.flagon.login.servlet;

import dev.flagon.WerkzeugCookie;
import dev.flagon.login.RequestView;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@link RequestView} over a servlet request, as Flask's {@code request} reads the same HTTP request: the
 * method in upper case, a repeated header joined with {@code ,} (as Werkzeug's and gunicorn's WSGI servers
 * join it), cookies as Werkzeug parses the {@code Cookie} headers (not the container's parser), and
 * {@code request.host} by Werkzeug 3.1's {@code get_host}, and form fields from the body only, as
 * {@code request.form} (where Flask-WTF looks for a CSRF token before the headers). Also for Javalin, Spring MVC
 * and Spring Security, whose requests are servlet requests.
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
    List<String> values = headers(name);
    return values.isEmpty() ? null : String.join(",", values);
  }

  @Override
  public String cookie(String name) {
    if (cookieHeaders == null) {
      cookieHeaders = headers("Cookie");
    }
    return WerkzeugCookie.firstValue(cookieHeaders, name);
  }

  /** A header's values; none where the container withholds the header (the Servlet API's {@code null}). */
  private List<String> headers(String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? List.of() : Collections.list(values);
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

  /**
   * {@code request.form.get(name)}: the first value from a form body ({@code application/x-www-form-urlencoded}
   * or {@code multipart/form-data}, as the container parses it); values from the query string are not form
   * values, as in Werkzeug. Reading it consumes the body.
   */
  @Override
  public String formValue(String name) {
    List<String> values = formValues(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The form body's field names, each once, in the container's order. */
  @Override
  public List<String> formFieldNames() {
    return isForm() ? Collections.list(request.getParameterNames()).stream()
        .filter(name -> !formValues(name).isEmpty()).toList() : List.of();
  }

  /** The body's values of a field: the container lists the query string's values first. */
  private List<String> formValues(String name) {
    String[] values = isForm() ? request.getParameterValues(name) : null;
    if (values == null) {
      return List.of();
    }
    int fromQuery = queryNames().stream().filter(name::equals).mapToInt(n -> 1).sum();
    return fromQuery >= values.length ? List.of() : List.of(values).subList(fromQuery, values.length);
  }

  private boolean isForm() {
    String type = request.getContentType();
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
  }

  /** The names in the query string, decoded, one per pair. */
  private List<String> queryNames() {
    String query = request.getQueryString();
    if (query == null || query.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(query.split("&")).filter(pair -> !pair.isEmpty())
        .map(pair -> decode(pair.split("=", 2)[0])).toList();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a malformed escape: kept as written
    }
  }

  @Override
  public String toString() {
    return "ServletRequestView[" + request.getMethod() + " " + request.getRequestURI() + "]";
  }
}
