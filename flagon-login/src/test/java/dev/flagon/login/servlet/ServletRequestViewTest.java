package dev.flagon.login.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code request.host}: the answers of Werkzeug 3.1's {@code get_host}, recorded from it; withheld headers. */
class ServletRequestViewTest {
  @ParameterizedTest(name = "{0} Host: {1} -> {2}")
  @CsvSource(nullValues = "NONE", value = {
    "false, example.com:80, example.com",
    "true, example.com:443, example.com",
    "false, example.com:443, example.com:443",
    "false, EXAMPLE.com:8080, EXAMPLE.com:8080",
    "false, exa mple, ''",
    "true, [::1]:443, [::1]",
    "false, [::1], [::1]",
    "false, host:0, ''",
    "false, host:99999, ''",
    "false, host:65535, host:65535",
    "false, h\u00e9llo, ''",
    "false, '', ''",
    "false, NONE, ''",
    "false, a:80:80, a:80",
    "true, x.y:00443, ''",
  })
  void host_asWerkzeugsGetHost(boolean secure, String header, String expected) {
    assertThat(ServletRequestView.host(header, secure)).isEqualTo(expected);
  }

  @Test
  void headerAndCookie_containerWithholdsHeaders_areAbsent() {
    // The Servlet API lets a container answer getHeaders with null when it does not allow header access.
    HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> null);
    ServletRequestView view = ServletRequestView.of(request);

    assertThat(view.header("X-CSRFToken")).isNull();
    assertThat(view.cookie("remember_token")).isNull();
  }
}
