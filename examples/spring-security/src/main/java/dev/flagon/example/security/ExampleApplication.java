package dev.flagon.example.security;

import dev.flagon.login.UserLoader;
import dev.flagon.spring.security.FlaskLoginConfigurer;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Spring Security sharing login and CSRF tokens with a Flask app (flask_app.py) through the Flagon session:
 * the user loader, and one line in the filter chain. Users are Flask-Login's, so Spring Boot's generated
 * in-memory user (and the password it prints) is left out.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableMethodSecurity
public class ExampleApplication {
  private static final Map<String, ExampleUser> USERS = Map.of(
      "alice", new ExampleUser("alice", "ADMIN"), "bob", new ExampleUser("bob", "USER"));

  /** Starts the app. */
  public static void main(String[] args) {
    SpringApplication.run(ExampleApplication.class, args);
  }

  /** Flask-Login's user_loader: the same users as flask_app.py. */
  @Bean
  UserLoader<ExampleUser> users() {
    return id -> Optional.ofNullable(USERS.get(id));
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()) // @PreAuthorize decides
        .logout(logout -> logout.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler()))
        // No servlet HttpSession (JSESSIONID) for a denied request: everything lives in Flask's session.
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .with(FlaskLoginConfigurer.flaskLogin(), Customizer.withDefaults())
        .build();
  }
}
