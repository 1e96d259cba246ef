package dev.flagon.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.flagon.Flagon;
import dev.flagon.login.LoginUser;
import dev.flagon.login.UserLoader;
import dev.flagon.test.FlagonTestSessions;
import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import dev.flagon.login.spring.FlagonLogins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Spring Security glue under MockMvc: a Flask-Login session as the Authentication (roles from
 * UserDetails, freshness as full authentication), Spring's logout as logout_user, Flask-WTF tokens for
 * Spring's CSRF protection. Session protection is off here: MockMvc's client has no User-Agent to match.
 * The live tests against real Flask are in examples/spring-security.
 */
@SpringBootTest(classes = SecurityMvcTest.App.class, properties = {
    "flagon.secret-key=security-mvc-secret-key-0123", "SESSION_PROTECTION=none"})
@AutoConfigureMockMvc
class SecurityMvcTest {
  @Autowired MockMvc mockMvc;
  @Autowired Flagon flagon;

  /** A form post, as a browser sends it: Flask-WTF reads tokens from form bodies only. */
  private static MockHttpServletRequestBuilder form(String path) {
    return post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
  }

  private Cookie session(Map<String, Object> data) {
    return FlagonTestSessions.cookie(flagon, data);
  }

  @Test
  void preAuthorize_freshAdminLogin_passes() throws Exception {
    mockMvc.perform(get("/admin").cookie(session(Map.of("_user_id", "alice", "_fresh", true))))
        .andExpect(status().isOk()).andExpect(content().string("admin alice"));
  }

  @Test
  void preAuthorize_userWithoutTheRole_is403() throws Exception {
    mockMvc.perform(get("/admin").cookie(session(Map.of("_user_id", "bob", "_fresh", true))))
        .andExpect(status().isForbidden());
  }

  @Test
  void preAuthorize_anonymous_is403() throws Exception {
    mockMvc.perform(get("/admin")).andExpect(status().isForbidden());
  }

  @Test
  void fullyAuthenticated_loginNotFresh_is403ButAuthenticatedPasses() throws Exception {
    Cookie notFresh = session(Map.of("_user_id", "alice", "_fresh", false));
    mockMvc.perform(get("/fresh").cookie(notFresh)).andExpect(status().isForbidden());
    mockMvc.perform(get("/me").cookie(notFresh)).andExpect(content().string("alice"));
    mockMvc.perform(get("/fresh").cookie(session(Map.of("_user_id", "alice", "_fresh", true))))
        .andExpect(content().string("fresh alice"));
  }

  @Test
  void csrf_tokenSpringRendered_passesInTheFormAndTheHeader() throws Exception {
    MvcResult form = mockMvc.perform(get("/token")).andReturn();
    Cookie cookie = form.getResponse().getCookie("session");
    String[] token = form.getResponse().getContentAsString().split(" ");
    assertThat(token[0]).isEqualTo("csrf_token");
    assertThat(token[1]).isEqualTo("X-CSRFToken");

    mockMvc.perform(form("/notes").cookie(cookie).param("csrf_token", token[2]))
        .andExpect(status().isOk()).andExpect(content().string("saved"));
    mockMvc.perform(form("/notes").cookie(cookie).header("X-CSRFToken", token[2]))
        .andExpect(status().isOk());
  }

  @Test
  void csrf_missingForgedOrOtherSessionsToken_is403() throws Exception {
    MvcResult form = mockMvc.perform(get("/token")).andReturn();
    Cookie cookie = form.getResponse().getCookie("session");
    String token = form.getResponse().getContentAsString().split(" ")[2];
    Cookie otherSession = session(Map.of("csrf_token", "0".repeat(40)));

    mockMvc.perform(form("/notes").cookie(cookie)).andExpect(status().isForbidden());
    // forged in the signature's last character but one, whose six bits all count
    int at = token.length() - 2;
    String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    mockMvc.perform(form("/notes").cookie(cookie).param("csrf_token", forged)).andExpect(status().isForbidden());
    mockMvc.perform(form("/notes").cookie(otherSession).param("csrf_token", token))
        .andExpect(status().isForbidden());
    mockMvc.perform(form("/notes").param("csrf_token", token)).andExpect(status().isForbidden());
  }

  @Test
  void csrf_tokenOnlyInTheQueryString_is403AsFlaskWtfReadsTheFormBody() throws Exception {
    MvcResult form = mockMvc.perform(get("/token")).andReturn();
    Cookie cookie = form.getResponse().getCookie("session");
    String token = form.getResponse().getContentAsString().split(" ")[2];

    mockMvc.perform(form("/notes?csrf_token=" + token).cookie(cookie)).andExpect(status().isForbidden());
    mockMvc.perform(form("/notes?csrf_token=" + token).cookie(cookie).param("csrf_token", token))
        .andExpect(status().isOk()); // the same token in the body passes
  }

  @Test
  void logout_withRememberCookie_removesTheLoginAndDeletesTheRememberCookie() throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("_user_id", "alice");
    data.put("_fresh", true);
    data.put("_id", "x".repeat(128));
    data.put("_remember_seconds", 60.0);
    data.put("keep", "kept");
    MvcResult form = mockMvc.perform(get("/token").cookie(session(data))).andReturn();
    Cookie cookie = form.getResponse().getCookie("session");
    String token = form.getResponse().getContentAsString().split(" ")[2];

    MvcResult logout = mockMvc.perform(form("/logout").cookie(cookie, new Cookie("remember_token", "alice|00"))
        .param("csrf_token", token)).andReturn();

    assertThat(logout.getResponse().getHeaders("Set-Cookie")).anySatisfy(header ->
        assertThat(header).startsWith("remember_token=;").contains("Max-Age=0"));
    Map<String, Object> after = flagon.openCookieValue(logout.getResponse().getCookie("session").getValue()).toMap();
    assertThat(after).containsEntry("keep", "kept").doesNotContainKeys("_user_id", "_fresh", "_id", "_remember",
        "_remember_seconds");
    mockMvc.perform(get("/me").cookie(logout.getResponse().getCookie("session")))
        .andExpect(status().isForbidden());
  }

  @Test
  void springLogin_savedContextWithLoginUser_isAFreshFlaskLogin() throws Exception {
    MvcResult login = mockMvc.perform(get("/spring-login")).andReturn();

    Cookie cookie = login.getResponse().getCookie("session");
    Map<String, Object> data = flagon.openCookieValue(cookie.getValue()).toMap();
    assertThat(data).containsEntry("_user_id", "bob").containsEntry("_fresh", true).containsKey("_id");
    mockMvc.perform(get("/me").cookie(cookie)).andExpect(content().string("bob"));
  }

  @Test
  void rememberCookie_malformedOrForged_isAnonymousNeverAnError() throws Exception {
    for (String value : List.of("", "|", "alice", "alice|", "alice|00", "alice|" + "0".repeat(128),
        "al|ce|" + "f".repeat(128), "\"alice|x\"", "x".repeat(5000) + "|" + "0".repeat(128), "%C3%A9|00")) {
      mockMvc.perform(get("/me").cookie(new Cookie("remember_token", value)))
          .andExpect(status().isForbidden());
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableMethodSecurity
  @Import(Routes.class)
  static class App {
    @Bean
    UserLoader<TestUser> users() {
      Map<String, TestUser> users = Map.of("alice", new TestUser("alice", List.of("ADMIN", "USER")),
          "bob", new TestUser("bob", List.of("USER")));
      return id -> Optional.ofNullable(users.get(id));
    }

    @Bean
    SecurityFilterChain chain(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
          .with(FlaskLoginConfigurer.flaskLogin(), Customizer.withDefaults())
          .build();
    }
  }

  @RestController
  static class Routes {
    private final SecurityContextRepository repository;

    Routes(FlagonLogins logins) {
      this.repository = new FlaskLoginSecurityContextRepository(logins);
    }

    @GetMapping("/admin")
    @PreAuthorize("hasRole('ADMIN')")
    String admin(@AuthenticationPrincipal LoginUser user) {
      return "admin " + user.id();
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    String me(@AuthenticationPrincipal TestUser user) {
      return user.id();
    }

    @GetMapping("/fresh")
    @PreAuthorize("isFullyAuthenticated()")
    String fresh(@AuthenticationPrincipal TestUser user) {
      return "fresh " + user.id();
    }

    @GetMapping("/token")
    String token(CsrfToken token) {
      return token.getParameterName() + " " + token.getHeaderName() + " " + token.getToken();
    }

    @GetMapping("/spring-login")
    String springLogin(HttpServletRequest request, HttpServletResponse response) {
      // A programmatic Spring Security login, as an authentication filter saves it.
      TestUser bob = new TestUser("bob", List.of("USER"));
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(bob, null, bob.getAuthorities()));
      repository.saveContext(context, request, response);
      return "ok";
    }

    @PostMapping("/notes")
    String notes() {
      return "saved";
    }
  }
}
