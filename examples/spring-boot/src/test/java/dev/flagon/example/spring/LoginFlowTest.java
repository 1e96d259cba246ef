package dev.flagon.example.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.flagon.Flagon;
import dev.flagon.spring.FlagonConfigCustomizer;
import dev.flagon.test.FlagonTestSessions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The example over real HTTP: Flask's login, index and logout, with the raw {@code Set-Cookie} Flask 3.1
 * sends for the same key and time (http-vectors.json, flow http_login_index_logout). The key is given under
 * Flask's own name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "SECRET_KEY=http-public-secret")
@AutoConfigureMockMvc
class LoginFlowTest {
  private static final String LOGGED_IN =
      "session=eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A";
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build(); // no cookie jar either: cookies are sent by hand

  @LocalServerPort int port;
  @Autowired MockMvc mockMvc;
  @Autowired Flagon flagon;

  @TestConfiguration
  static class FrozenClock {
    @Bean
    FlagonConfigCustomizer frozenClock() {
      return builder -> builder.clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC));
    }
  }

  @Test
  void login_thenIndex_showsTheUser() throws Exception {
    HttpResponse<String> login = send("/login", null);

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValue("/");
    assertThat(login.headers().allValues("Set-Cookie")).containsExactly(LOGGED_IN + "; HttpOnly; Path=/");
    assertThat(login.headers().allValues("Vary")).anyMatch(vary -> vary.contains("Cookie"));

    HttpResponse<String> index = send("/", LOGGED_IN);

    assertThat(index.body()).isEqualTo("Logged in as user 12345");
    assertThat(index.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void logout_loggedIn_deletesTheCookie() throws Exception {
    HttpResponse<String> logout = send("/logout", LOGGED_IN);

    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().allValues("Set-Cookie"))
        .containsExactly("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/");
    assertThat(send("/", null).body()).isEqualTo("Not logged in");
  }

  @Test
  void index_withTestSessionCookie_showsTheUser() throws Exception {
    // How an application's own tests start logged in, in one line.
    mockMvc.perform(get("/").cookie(FlagonTestSessions.cookie(flagon, Map.of("user_id", 12345))))
        .andExpect(content().string("Logged in as user 12345"));
  }

  private HttpResponse<String> send(String path, String cookie) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
