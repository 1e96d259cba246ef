package dev.flagon.bench.spring;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The HTTP load run's routes on Spring Boot 4 with sessions on Redis, on Tomcat (Boot's default container)
 * in both variants so that only the session mechanism differs (loopback only):
 *
 * <ul>
 *   <li>{@code spring-session}: Spring Session Data Redis as Boot configures it with no session settings
 *       (the non-indexed {@code RedisSessionRepository}, attributes serialized with Java serialization,
 *       {@code SESSION} cookie); the routes use {@code HttpSession} ({@link SpringSessionRoutes});
 *   <li>{@code flagon}: Flagon's starter with Flask-Session's Redis sessions ({@code SESSION_TYPE=redis} in
 *       {@code application-flagon.properties}; the starter reuses Boot's {@code LettuceConnectionFactory});
 *       the routes take a {@code dev.flagon.Session} ({@link FlagonRoutes}).
 * </ul>
 *
 * <p>Usage: {@code BenchApplication <spring-session|flagon> <port> <redis-url>}; prints {@code READY <port>}
 * when listening.
 */
@SpringBootApplication
public class BenchApplication {
  static final List<String> VARIANTS = List.of("spring-session", "flagon");

  public static void main(String[] args) {
    if (args.length != 3 || !VARIANTS.contains(args[0])) {
      System.err.println("usage: BenchApplication <spring-session|flagon> <port> <redis-url>");
      System.exit(2);
    }
    SpringApplication app = new SpringApplication(BenchApplication.class);
    app.setAdditionalProfiles(args[0]);
    var context = (WebServerApplicationContext) app.run("--server.port=" + args[1], "--bench.redis-url=" + args[2]);
    System.out.println("READY " + context.getWebServer().getPort());
  }
}
