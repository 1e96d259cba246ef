package dev.flagon.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.test.FlagonTestSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The starter in a Spring MVC app under MockMvc: the Session controller argument, the HttpSession view, and
 * the test helper that starts a test logged in. One context for all.
 */
@SpringBootTest(classes = SessionMvcTest.App.class,
    properties = {"flagon.secret-key=http-public-secret", "flagon.http-session-view=true"})
@AutoConfigureMockMvc
class SessionMvcTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);

  @Autowired MockMvc mockMvc;
  @Autowired Flagon flagon;

  @Test
  void sessionArgument_withHelperCookie_seesTheLoggedInUser() throws Exception {
    mockMvc.perform(get("/").cookie(FlagonTestSessions.cookie(flagon, Map.of("user_id", 12345))))
        .andExpect(content().string("Logged in as user 12345"))
        .andExpect(header().string("Vary", "Cookie"));
  }

  @Test
  void sessionArgument_withoutCookie_seesAnEmptySession() throws Exception {
    mockMvc.perform(get("/")).andExpect(content().string("Not logged in"));
  }

  @Test
  void sessionArgument_written_setsFlasksCookieValue() throws Exception {
    // MockMvc re-serializes Set-Cookie, so only the value is Flask's here; the real-server tests check
    // the raw header byte for byte.
    mockMvc.perform(get("/login"))
        .andExpect(redirectedUrl("/"))
        .andExpect(cookie().value("session", "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A"))
        .andExpect(cookie().httpOnly("session", true));
  }

  @Test
  void httpSessionView_attribute_readsTheCookieSession() throws Exception {
    mockMvc.perform(get("/servlet-user").cookie(FlagonTestSessions.cookie(flagon, Map.of("user_id", 12345))))
        .andExpect(content().string("12345"));
  }

  @Test
  void httpSessionView_setAttribute_writesTheCookie() throws Exception {
    String setCookie =
        mockMvc.perform(get("/servlet-login")).andReturn().getResponse().getHeader("Set-Cookie");

    assertThat(flagon.openCookieValue(setCookie.substring("session=".length(), setCookie.indexOf(';')))
        .get("user_id")).isEqualTo(12345);
  }

  @Test
  void testSessions_cookieHeader_isNameEqualsValue() {
    assertThat(FlagonTestSessions.cookieHeader(flagon, Map.of("user_id", 12345)))
        .isEqualTo("session=eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A");
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Routes.class)
  static class App {
    @Bean
    FlagonConfigCustomizer fixedClock() {
      return builder -> builder.clock(CLOCK);
    }
  }

  @RestController
  static class Routes {
    @GetMapping("/")
    String index(Session session) {
      return session.contains("user_id") ? "Logged in as user " + session.get("user_id") : "Not logged in";
    }

    @GetMapping("/login")
    RedirectView login(Session session) {
      session.put("user_id", 12345);
      return new RedirectView("/");
    }

    @GetMapping("/servlet-user")
    String servletUser(HttpServletRequest request) {
      HttpSession session = request.getSession(false);
      return session == null ? "none" : String.valueOf(session.getAttribute("user_id"));
    }

    @GetMapping("/servlet-login")
    String servletLogin(HttpServletRequest request) {
      request.getSession().setAttribute("user_id", 12345);
      return "ok";
    }
  }
}
