package dev.flagon.spring.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.spring.InvalidFlagonConfigurationException;
import dev.flagon.testing.FlowReplay;
import dev.flagon.testing.HttpFlow;
import dev.flagon.testing.HttpFlows;
import dev.flagon.testing.OneConnection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP behaviour contract on Spring Boot: every flow Flask recorded, replayed by the shared runner
 * against the starter on a real Tomcat. Flows with the same configuration share one server.
 *
 * <p>The flow without a secret key is the exception: Flask then runs with a null session (reads work,
 * writes answer 500), which only the conformance server emulates. Flagon refuses to start without a key,
 * so here the assertion is that the application fails to start and says how to generate one.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpConformanceIT {
  private static final Map<Map<String, Object>, ConfigurableApplicationContext> SERVERS = new HashMap<>();

  static List<HttpFlow> flowsWithKey() {
    return HttpFlows.all().stream().filter(flow -> flow.config().get("SECRET_KEY") != null).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flowsWithKey")
  void springBootServer_replayingFlaskFlow_answersAsFlask(HttpFlow flow) {
    ConfigurableApplicationContext server = SERVERS.computeIfAbsent(flow.config(), HttpConformanceIT::onTomcat);
    int port = ((WebServerApplicationContext) server).getWebServer().getPort();

    FlowReplay.replay(flow, "http://127.0.0.1:" + port);
  }

  /** Each request on a keep-alive connection to Tomcat is answered from its own Cookie header. */
  @Test
  void springBootServer_validAndTamperedCookiesOnOneConnection_eachAnsweredFromItsOwnCookie() {
    HttpFlow flow = HttpFlows.named("http_login_index_logout");
    WebServer tomcat = ((WebServerApplicationContext) SERVERS.computeIfAbsent(flow.config(), HttpConformanceIT::onTomcat))
        .getWebServer();

    assertThat(tomcat).isInstanceOf(TomcatWebServer.class);
    OneConnection.assertNoCrossTalk("http://127.0.0.1:" + tomcat.getPort(), "session",
        FlowReplay.CLOCK_HEADER, Long.toString(flow.steps().get(0).now()));
  }

  /** On Jetty too, whose header cache would hand over an earlier Cookie differing only in letter case. */
  @Test
  void springBootOnJetty_validAndTamperedCookiesOnOneConnection_eachAnsweredFromItsOwnCookie() {
    HttpFlow flow = HttpFlows.named("http_login_index_logout");
    try (ConfigurableApplicationContext server = start(flow.config(), OnJetty.class)) {
      WebServer jetty = ((WebServerApplicationContext) server).getWebServer();

      assertThat(jetty).isInstanceOf(JettyWebServer.class);
      OneConnection.assertNoCrossTalk("http://127.0.0.1:" + jetty.getPort(), "session",
          FlowReplay.CLOCK_HEADER, Long.toString(flow.steps().get(0).now()));
    }
  }

  /** The catalog on Tomcat, Spring Boot's default (Jetty is on the test class path too). */
  @Configuration(proxyBeanMethods = false)
  static class OnTomcat {
    @Bean
    TomcatServletWebServerFactory tomcat() {
      return new TomcatServletWebServerFactory();
    }
  }

  /** The catalog on Jetty. */
  @Configuration(proxyBeanMethods = false)
  static class OnJetty {
    @Bean
    JettyServletWebServerFactory jetty() {
      return new JettyServletWebServerFactory();
    }
  }

  @Test
  void springBootApp_flowWithoutSecretKey_failsToStartSayingHowToGenerateOne(CapturedOutput output) {
    HttpFlow flow = HttpFlows.named("http_no_secret_key");

    assertThatThrownBy(() -> onTomcat(flow.config()))
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasStackTraceContaining(InvalidFlagonConfigurationException.class.getName());
    assertThat(output.toString())
        .contains("APPLICATION FAILED TO START")
        .contains("SECRET_KEY is missing")
        .contains("./flagon secret")
        .contains("openssl rand -hex 32")
        .contains("flagon.secret-key");
  }

  @AfterAll
  static void stopServers() {
    SERVERS.values().forEach(ConfigurableApplicationContext::close);
  }

  private static ConfigurableApplicationContext onTomcat(Map<String, Object> flaskConfig) {
    return start(flaskConfig, OnTomcat.class);
  }

  /** Starts the catalog with the flow's Flask config given as Spring properties under Flask's names. */
  private static ConfigurableApplicationContext start(Map<String, Object> flaskConfig, Class<?> server) {
    Map<String, Object> properties = new LinkedHashMap<>();
    flaskConfig.forEach((name, value) -> {
      if (value != null) {
        properties.put(name, value instanceof List<?> list ? jsonArray(list) : value.toString());
      }
    });
    properties.put("flagon.size-policy", "warn"); // Flask sends oversized cookies and logs a warning
    properties.put("server.tomcat.use-relative-redirects", "true"); // Location: / as Werkzeug sends it
    properties.put("server.address", "127.0.0.1");
    properties.put("server.port", "0");
    properties.put("spring.main.banner-mode", "off");
    properties.put("logging.level.root", "warn"); // the startup failure report is logged at ERROR
    return new SpringApplicationBuilder(CatalogApplication.class).sources(server).properties(properties).run();
  }

  private static String jsonArray(List<?> items) {
    return items.stream()
        .map(item -> "\"" + ((String) item).replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
