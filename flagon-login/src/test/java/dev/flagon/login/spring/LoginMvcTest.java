package dev.flagon.login.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.flagon.Flagon;
import dev.flagon.login.CsrfException;
import dev.flagon.login.CsrfRequest;
import dev.flagon.login.CurrentLogin;
import dev.flagon.login.LoginOptions;
import dev.flagon.login.LoginUser;
import dev.flagon.login.UserLoader;
import dev.flagon.spring.FlagonConfigCustomizer;
import dev.flagon.test.FlagonTestSessions;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code CurrentLogin} and {@code CsrfRequest} controller parameters, with login settings given as
 * {@code flagon.login.*} / Flask-named properties.
 */
@SpringBootTest(classes = LoginMvcTest.App.class, properties = {"flagon.secret-key=login-mvc-secret-key-0123",
    "flagon.login.remember-cookie.name=keep_me", "REMEMBER_COOKIE_DURATION=3600"})
@AutoConfigureMockMvc
class LoginMvcTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);

  @Autowired MockMvc mockMvc;
  @Autowired Flagon flagon;

  record User(String id) implements LoginUser {}

  @Test
  void currentLogin_sessionWithUserId_isThatUser() throws Exception {
    mockMvc.perform(get("/whoami").cookie(FlagonTestSessions.cookie(flagon, Map.of("_user_id", "alice"))))
        .andExpect(content().string("alice fresh=false")); // no _fresh: not fresh, as in Flask-Login
  }

  @Test
  void currentLogin_unknownUser_isAnonymous() throws Exception {
    mockMvc.perform(get("/whoami").cookie(FlagonTestSessions.cookie(flagon, Map.of("_user_id", "mallory"))))
        .andExpect(content().string("anonymous"));
  }

  @Test
  void loginUser_remembered_setsTheConfiguredRememberCookieAndRestoresNotFresh() throws Exception {
    MvcResult login = mockMvc.perform(get("/login").param("id", "alice")).andReturn();
    List<String> setCookies = login.getResponse().getHeaders("Set-Cookie");

    assertThat(setCookies).hasSize(2);
    assertThat(setCookies.get(0)).startsWith("keep_me=alice|")
        .contains("Expires=Tue, 14 Nov 2023 23:13:20 GMT").contains("HttpOnly"); // MockMvc reorders attributes
    String remember = setCookies.get(0).substring("keep_me=".length(), setCookies.get(0).indexOf(';'));
    mockMvc.perform(get("/whoami").cookie(new Cookie("keep_me", remember)))
        .andExpect(content().string("alice fresh=false"));
  }

  @Test
  void csrfRequest_tokenFromOneRequest_validatesOnTheNext() throws Exception {
    MvcResult form = mockMvc.perform(get("/token")).andReturn();
    String session = form.getResponse().getCookie("session").getValue();
    String token = form.getResponse().getContentAsString();

    mockMvc.perform(post("/check").param("token", token).cookie(new Cookie("session", session)))
        .andExpect(content().string("ok"));
    mockMvc.perform(post("/check").param("token", token + "x").cookie(new Cookie("session", session)))
        .andExpect(status().isBadRequest()).andExpect(content().string("The CSRF token is invalid."));
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Routes.class)
  static class App {
    @Bean
    FlagonConfigCustomizer fixedClock() {
      return builder -> builder.clock(CLOCK);
    }

    @Bean
    UserLoader<User> users() {
      return id -> id.equals("alice") ? Optional.of(new User(id)) : Optional.empty();
    }
  }

  @RestController
  static class Routes {
    @GetMapping("/whoami")
    String whoami(CurrentLogin<User> login) {
      return login.user().map(user -> user.id() + (login.isFresh() ? "" : " fresh=false")).orElse("anonymous");
    }

    @GetMapping("/login")
    String login(CurrentLogin<User> login, @RequestParam String id) {
      login.loginUser(new User(id), LoginOptions.DEFAULT.withRemember(true));
      return "ok";
    }

    @GetMapping("/token")
    String token(CsrfRequest csrf) {
      return csrf.token();
    }

    @PostMapping("/check")
    org.springframework.http.ResponseEntity<String> check(CsrfRequest csrf, @RequestParam String token) {
      try {
        csrf.validate(token);
        return org.springframework.http.ResponseEntity.ok("ok");
      } catch (CsrfException e) {
        return org.springframework.http.ResponseEntity.badRequest().body(e.getMessage());
      }
    }
  }
}
