package dev.flagon.spring;

import dev.flagon.WerkzeugCookie;
import dev.flagon.login.RequestView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * What Flask-Login and Flask-WTF read of a servlet request. Cookies are parsed as Werkzeug parses them (not
 * by the container), a repeated header is joined with {@code ,} as a WSGI server does. Form values are read
 * only from form bodies; the servlet API mixes query parameters into them, which Flask's
 * {@code request.form} would not see.
 */
final class ServletRequestView implements RequestView {
  private final HttpServletRequest request;

  ServletRequestView(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.getMethod().toUpperCase(Locale.ROOT);
  }

  @Override
  public String header(String name) {
    Enumeration<String> found = request.getHeaders(name); // null where a container withholds the header
    List<String> values = found == null ? List.of() : Collections.list(found);
    return values.isEmpty() ? null : String.join(",", values);
  }

  @Override
  public String cookie(String name) {
    Enumeration<String> headers = request.getHeaders("Cookie");
    return headers == null ? null : WerkzeugCookie.firstValue(Collections.list(headers), name);
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
    String host = request.getHeader("Host");
    if (host == null || !host.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '/' && c != '\\')) {
      return "";
    }
    String defaultPort = request.isSecure() ? ":443" : ":80";
    return host.endsWith(defaultPort) ? host.substring(0, host.length() - defaultPort.length()) : host;
  }

  @Override
  public String formValue(String name) {
    return isForm() ? request.getParameter(name) : null;
  }

  @Override
  public List<String> formFieldNames() {
    return isForm() ? Collections.list(request.getParameterNames()) : List.of();
  }

  private boolean isForm() {
    String type = request.getContentType();
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
  }
}
