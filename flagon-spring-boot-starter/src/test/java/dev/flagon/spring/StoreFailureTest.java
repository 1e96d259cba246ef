package dev.flagon.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.testing.DownStore;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application's own {@link SessionInterface} bean (here a server-side store that is down) replaces the
 * Flagon, needs no secret-key property, and every failure of its open or save is a 503.
 */
@SpringBootTest(classes = StoreFailureTest.App.class)
@AutoConfigureMockMvc
class StoreFailureTest {
  private static final Cookie STORED = new Cookie("session", DownStore.COOKIE.substring("session=".length()));

  @Autowired MockMvc mockMvc;
  @Autowired ApplicationContext context;

  @Test
  void applicationsSessionInterfaceBean_replacesFlagonAndItsConfig() {
    assertThat(context.getBean(SessionInterface.class)).isInstanceOf(DownStore.class);
    assertThat(context.getBeansOfType(Flagon.class)).isEmpty();
    assertThat(context.getBeansOfType(FlagonConfig.class)).isEmpty();
  }

  @Test
  void open_storeDownWhereTheControllerTakesTheSession_answers503WithoutCookie() throws Exception {
    mockMvc.perform(get("/").cookie(STORED))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().doesNotExist("Set-Cookie"));
  }

  @Test
  void save_storeDown_answers503WithoutCookie() throws Exception {
    mockMvc.perform(get("/login"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().doesNotExist("Set-Cookie"));
  }

  @Test
  void routeWithoutSession_noCookie_servedAsUsual() throws Exception {
    mockMvc.perform(get("/static")).andExpect(status().isOk());
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Routes.class)
  static class App {
    @Bean
    SessionInterface downStore() {
      return new DownStore(Flagon.create(FlagonConfig.builder().secretKey("spring-store-key-0123456789").build()));
    }
  }

  @RestController
  static class Routes {
    @GetMapping("/")
    String index(Session session) {
      return "user " + session.get("user_id");
    }

    @GetMapping("/login")
    String login(Session session) {
      session.put("user_id", 12345);
      return "logged in";
    }

    @GetMapping("/static")
    String plain() {
      return "static";
    }
  }
}
