package dev.flagon.servlet;

import static dev.flagon.servlet.Servlets.servlet;
import static dev.flagon.servlet.TestServer.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import jakarta.servlet.DispatcherType;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.Test;

/** A filter configured from init-params with Flask's names, over FLAGON_ environment variables. */
class ConfigurationIT {

  @Test
  void mappedForEveryDispatcherType_forwardAndInclude_passThroughAndCookieSetOnce() throws Exception {
    Map<String, jakarta.servlet.http.HttpServlet> routes = Map.of(
        "/login", servlet((req, resp) -> {
          FlagonFilter.session(req).put("user_id", 12345);
          req.getRequestDispatcher("/included").include(req, resp);
          req.getRequestDispatcher("/forwarded").forward(req, resp);
        }),
        "/included", servlet((req, resp) -> FlagonFilter.session(req).put("theme", "dark")),
        "/forwarded", servlet((req, resp) -> {
          FlagonFilter.session(req).remove("theme");
          resp.getWriter().write("forwarded");
        }));
    try (TestServer server = TestServer.start(new FilterHolder(new FlagonFilter(Servlets.flagon())),
        EnumSet.allOf(DispatcherType.class), routes, c -> { })) {
      HttpResponse<String> response = server.get("/login");

      assertThat(response.body()).isEqualTo("forwarded");
      assertThat(setCookies(response)).containsExactly(Servlets.LOGIN);
    }
  }

  @Test
  void initParams_overEnvironment_configureCookie() throws Exception {
    Map<String, String> environment = Map.of(
        "FLAGON_SECRET_KEY", Servlets.SECRET,
        "FLAGON_SESSION_COOKIE_NAME", "from_environment",
        "SESSION_COOKIE_SECURE", "true"); // no prefix: not Flagon's
    FilterHolder holder = new FilterHolder(new FlagonFilter(environment));
    holder.setInitParameter("SESSION_COOKIE_NAME", "myapp_session");
    holder.setInitParameter("SESSION_COOKIE_SAMESITE", "Lax");
    holder.setInitParameter("SESSION_COOKIE_PATH", "/app");
    try (TestServer server = TestServer.start(holder,
        Map.of("/login", servlet((req, resp) -> FlagonFilter.session(req).put("user_id", 12345))),
        c -> { })) {
      List<String> cookies = setCookies(server.get("/login"));

      assertThat(cookies).singleElement().asString()
          .startsWith("myapp_session=eyJ1c2VyX2lkIjoxMjM0NX0.")
          .endsWith("; HttpOnly; Path=/app; SameSite=Lax");
      String value = cookies.get(0).substring("myapp_session=".length(), cookies.get(0).indexOf(';'));
      Flagon reader = Flagon.create(dev.flagon.FlagonConfig.builder().secretKey(Servlets.SECRET).build());
      assertThat(reader.openCookieValue(value).get("user_id")).isEqualTo(12345);
    }
  }

  /** Issue 11, item 4: the filter read {@code null} as the domain "null" (Domain=null). */
  @Test
  void environment_nullLiteral_unsetsTheDomainAsFromEnvironmentDoes() throws Exception {
    Map<String, String> environment = Map.of("FLAGON_SECRET_KEY", Servlets.SECRET,
        "FLAGON_SESSION_COOKIE_DOMAIN", "null", "FLAGON_SESSION_COOKIE_SAMESITE", "null");
    try (TestServer server = TestServer.start(new FilterHolder(new FlagonFilter(environment)),
        Map.of("/login", servlet((req, resp) -> FlagonFilter.session(req).put("user_id", 12345))),
        c -> { })) {
      assertThat(setCookies(server.get("/login"))).singleElement().asString()
          .startsWith("session=eyJ1c2VyX2lkIjoxMjM0NX0.").endsWith("; HttpOnly; Path=/")
          .doesNotContain("Domain").doesNotContain("SameSite");
    }
  }
}
