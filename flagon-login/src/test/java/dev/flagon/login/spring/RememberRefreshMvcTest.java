package dev.flagon.login.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.flagon.Flagon;
import dev.flagon.login.CurrentLogin;
import dev.flagon.login.LoginUser;
import dev.flagon.login.UserLoader;
import dev.flagon.test.FlagonTestSessions;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flask-Login's {@code after_request} runs on every request, not only on those that ask for the login: with
 * {@code REMEMBER_COOKIE_REFRESH_EACH_REQUEST} the remember cookie is sent again by a controller that never
 * takes a {@link CurrentLogin}, once per response however often the login is asked for.
 */
@SpringBootTest(classes = RememberRefreshMvcTest.App.class, properties = {
    "flagon.secret-key=remember-refresh-secret-key-0123", "REMEMBER_COOKIE_REFRESH_EACH_REQUEST=true"})
@AutoConfigureMockMvc
class RememberRefreshMvcTest {
  @Autowired MockMvc mockMvc;
  @Autowired Flagon flagon;

  record User(String id) implements LoginUser {}

  private List<String> rememberCookies(String path, Map<String, Object> session) throws Exception {
    return mockMvc.perform(get(path).cookie(FlagonTestSessions.cookie(flagon, session))).andReturn()
        .getResponse().getHeaders("Set-Cookie").stream().filter(header -> header.startsWith("remember_token="))
        .toList();
  }

  @Test
  void refreshEachRequest_routeWithoutLogin_setsTheRememberCookie() throws Exception {
    assertThat(rememberCookies("/plain", Map.of("_user_id", "alice"))).singleElement()
        .satisfies(header -> assertThat(header).startsWith("remember_token=alice|"));
  }

  @Test
  void refreshEachRequest_loginAskedTwice_setsTheRememberCookieOnce() throws Exception {
    assertThat(rememberCookies("/twice", Map.of("_user_id", "alice"))).hasSize(1);
  }

  @Test
  void rememberClear_routeWithoutLogin_deletesTheRememberCookie() throws Exception {
    assertThat(rememberCookies("/plain", Map.of("_remember", "clear"))).singleElement()
        .satisfies(header -> assertThat(header).startsWith("remember_token=;").contains("Max-Age=0"));
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Routes.class)
  static class App {
    @Bean
    UserLoader<User> users() {
      return id -> Optional.of(new User(id));
    }
  }

  @RestController
  static class Routes {
    private final FlagonLogins logins;

    Routes(FlagonLogins logins) {
      this.logins = logins;
    }

    @GetMapping("/plain")
    String plain() {
      return "plain";
    }

    @GetMapping("/twice")
    String twice(CurrentLogin<User> login, jakarta.servlet.http.HttpServletRequest request) {
      return login.user().map(User::id).orElse("anonymous") + " " + logins.current(request).isFresh();
    }
  }
}
