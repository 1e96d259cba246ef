package dev.flagon.spring.security;

import dev.flagon.login.CsrfProtect;
import dev.flagon.login.spring.FlagonLogins;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;

/**
 * Makes a Spring Security filter chain share Flask-Login's login and Flask-WTF's CSRF tokens through the
 * Flagon session: the {@link FlaskLoginSecurityContextRepository} (so the login is the
 * {@code Authentication}, and Spring Security's logout is {@code logout_user}) and, unless CSRF protection
 * was turned off, the {@link FlaskWtfCsrfTokenRepository} with the {@link FlaskWtfCsrfTokenRequestHandler}.
 * It needs the beans of flagon-login's Spring auto-configuration (flagon-login beside the starter and a
 * {@code UserLoader} bean).
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain chain(HttpSecurity http) throws Exception {
 *   return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
 *       .with(FlaskLoginConfigurer.flaskLogin(), Customizer.withDefaults())
 *       .build();
 * }
 * }</pre>
 */
public final class FlaskLoginConfigurer extends AbstractHttpConfigurer<FlaskLoginConfigurer, HttpSecurity> {
  private FlaskLoginConfigurer() {}

  /** A configurer for {@code http.with(flaskLogin(), Customizer.withDefaults())}. */
  public static FlaskLoginConfigurer flaskLogin() {
    return new FlaskLoginConfigurer();
  }

  @Override
  public void init(HttpSecurity http) {
    ApplicationContext context = http.getSharedObject(ApplicationContext.class);
    FlagonLogins logins = context.getBean(FlagonLogins.class);
    http.securityContext(security -> security.securityContextRepository(
        new FlaskLoginSecurityContextRepository(logins)));
    if (http.getConfigurer(CsrfConfigurer.class) != null) {
      http.csrf(csrf -> csrf
          .csrfTokenRepository(new FlaskWtfCsrfTokenRepository(logins, context.getBean(CsrfProtect.class).config()))
          .csrfTokenRequestHandler(new FlaskWtfCsrfTokenRequestHandler(logins)));
    }
  }
}
