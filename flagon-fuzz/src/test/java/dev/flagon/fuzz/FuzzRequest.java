package dev.flagon.fuzz;

import dev.flagon.WerkzeugCookie;
import dev.flagon.login.RequestView;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A POST over HTTPS to flagon.example from 127.0.0.1 with the given headers (null ones absent), its
 * cookies parsed from its Cookie header as the servlet view parses them (Werkzeug's rules).
 */
final class FuzzRequest implements RequestView {
  static final String HOST = "flagon.example";
  private final Map<String, String> headers = new HashMap<>();

  /** @param namesAndValues header name, value, name, value... */
  FuzzRequest(String... namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        headers.put(namesAndValues[i].toLowerCase(Locale.ROOT), namesAndValues[i + 1]);
      }
    }
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public String cookie(String name) {
    String cookies = header("Cookie");
    return cookies == null ? null : WerkzeugCookie.firstValue(List.of(cookies), name);
  }

  @Override
  public String remoteAddress() {
    return "127.0.0.1";
  }

  @Override
  public boolean isSecure() {
    return true;
  }

  @Override
  public String host() {
    return HOST;
  }
}
