package dev.flagon.login.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.SessionInterface;
import dev.flagon.Setting;
import dev.flagon.login.CsrfConfig;
import dev.flagon.login.LoginConfig;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginSettings;
import dev.flagon.login.LoginUser;
import dev.flagon.login.SessionProtection;
import dev.flagon.login.UserLoader;
import dev.flagon.login.servlet.FlaskLoginFilter;
import dev.flagon.servlet.FlagonFilter;
import dev.flagon.spring.FlagonAutoConfiguration;
import dev.flagon.testing.ReadmeSnippets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The login rows: read by Flask name, FLAGON_ name and property alike, parsed by flagon-login, documented;
 * and the login filter the auto-configuration registers.
 */
class LoginSettingsTest {
  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(FlagonAutoConfiguration.class, FlagonLoginAutoConfiguration.class))
      .withBean(UserLoader.class, () -> (UserLoader<LoginUser>) id -> Optional.empty())
      .withPropertyValues("flagon.secret-key=login-settings-secret-key-0123");

  @Test
  void properties_springAndFlaskNames_reachLoginAndCsrfConfig() {
    runner.withPropertyValues("flagon.login.session-protection=strong", "REMEMBER_COOKIE_DURATION=60",
        "flagon.csrf.headers=X-A,X-B", "FLAGON_WTF_CSRF_TIME_LIMIT=null").run(context -> {
          LoginConfig login = context.getBean(LoginManager.class).config();
          assertThat(login.sessionProtection()).isEqualTo(SessionProtection.STRONG);
          assertThat(login.rememberCookieDuration()).isEqualTo(Duration.ofSeconds(60));
          CsrfConfig csrf = context.getBean(dev.flagon.login.CsrfProtect.class).config();
          assertThat(csrf.headers()).containsExactly("X-A", "X-B");
          assertThat(csrf.timeLimit()).isNull();
        });
  }

  @Test
  void properties_invalidSessionProtection_failsTheStartNamingIt() {
    runner.withPropertyValues("flagon.login.session-protection=Strong").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("SESSION_PROTECTION"));
  }

  @Test
  void properties_withoutUserLoader_addNoLoginBeans() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(FlagonAutoConfiguration.class, FlagonLoginAutoConfiguration.class))
        .withPropertyValues("flagon.secret-key=login-settings-secret-key-0123")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LoginManager.class)
            .doesNotHaveBean(FlagonLogins.class)
            .doesNotHaveBean(FlagonLoginAutoConfiguration.LOGIN_FILTER_REGISTRATION_BEAN));
  }

  @Test
  void loginFilter_registered_runsRightAfterFlagonFilterOnItsPaths() {
    runner.run(context -> {
      FilterRegistrationBean<?> login = context.getBean(FlagonLoginAutoConfiguration.LOGIN_FILTER_REGISTRATION_BEAN,
          FilterRegistrationBean.class);
      assertThat(login.getFilter()).isInstanceOf(FlaskLoginFilter.class);
      assertThat(login.getOrder()).isEqualTo(FlagonAutoConfiguration.FILTER_ORDER + 1);
      assertThat(login.getUrlPatterns()).isEmpty(); // Boot maps it to /*, as FlagonFilter
    });
    runner.withUserConfiguration(OwnFlagonRegistration.class).run(context -> {
      FilterRegistrationBean<?> login = context.getBean(FlagonLoginAutoConfiguration.LOGIN_FILTER_REGISTRATION_BEAN,
          FilterRegistrationBean.class);
      assertThat(login.getUrlPatterns()).containsExactly("/app/*");
      assertThat(login.getOrder()).isEqualTo(11);
      assertThat(login.isEnabled()).isTrue();
    });
    runner.withUserConfiguration(OwnFlagonRegistration.class)
        .withPropertyValues("test.flagon-filter.enabled=false").run(context -> assertThat(context.getBean(FlagonLoginAutoConfiguration.LOGIN_FILTER_REGISTRATION_BEAN,
            FilterRegistrationBean.class).isEnabled()).as("no login filter where FlagonFilter is off").isFalse());
  }

  /** An application that maps FlagonFilter itself, to one path (or turns it off). */
  @Configuration(proxyBeanMethods = false)
  static class OwnFlagonRegistration {
    @Bean(FlagonAutoConfiguration.FILTER_REGISTRATION_BEAN)
    FilterRegistrationBean<FlagonFilter> ownRegistration(SessionInterface sessions,
        @Value("${test.flagon-filter.enabled:true}") boolean enabled) {
      FilterRegistrationBean<FlagonFilter> registration = new FilterRegistrationBean<>(new FlagonFilter(sessions));
      registration.setEnabled(enabled);
      registration.addUrlPatterns("/app/*");
      registration.setOrder(10);
      return registration;
    }
  }

  /** Regenerate with {@code mvn -B -o -pl flagon-login test -Dtest=LoginSettingsTest -Dflagon.regenerate=true}. */
  @Test
  void readme_settingsTable_isGeneratedFromTheLoginRows() {
    String table = ReadmeSnippets.settingsTable(LoginSettings.all());
    if (Boolean.getBoolean("flagon.regenerate")) {
      ReadmeSnippets.writeSection("settings-login", table);
    }
    assertThat(ReadmeSnippets.section("settings-login")).isEqualTo(table);
  }

  /** The rows' documented defaults are the ones flagon-login applies. */
  @Test
  void rows_defaults_areFlagonLoginsDefaults() {
    Map<String, Object> key = Map.of("SECRET_KEY", "login-settings-secret-key-0123");
    LoginConfig login = LoginConfig.fromMap(key);
    CsrfConfig csrf = CsrfConfig.fromMap(key);
    Map<String, Object> applied = new HashMap<>();
    applied.put("SESSION_PROTECTION", login.sessionProtection().name().toLowerCase(Locale.ROOT));
    applied.put("REMEMBER_COOKIE_NAME", login.rememberCookieName());
    applied.put("REMEMBER_COOKIE_DURATION", login.rememberCookieDuration());
    applied.put("REMEMBER_COOKIE_DOMAIN", login.rememberCookieDomain());
    applied.put("REMEMBER_COOKIE_PATH", login.rememberCookiePath());
    applied.put("REMEMBER_COOKIE_SECURE", login.rememberCookieSecure());
    applied.put("REMEMBER_COOKIE_HTTPONLY", login.rememberCookieHttpOnly());
    applied.put("REMEMBER_COOKIE_SAMESITE", login.rememberCookieSameSite());
    applied.put("REMEMBER_COOKIE_REFRESH_EACH_REQUEST", login.rememberCookieRefreshEachRequest());
    applied.put("WTF_CSRF_SECRET_KEY", null); // SECRET_KEY when unset
    applied.put("WTF_CSRF_ENABLED", csrf.enabled());
    applied.put("WTF_CSRF_CHECK_DEFAULT", csrf.checkDefault());
    applied.put("WTF_CSRF_METHODS", csrf.methods());
    applied.put("WTF_CSRF_FIELD_NAME", csrf.fieldName());
    applied.put("WTF_CSRF_HEADERS", csrf.headers());
    applied.put("WTF_CSRF_TIME_LIMIT", csrf.timeLimit());
    applied.put("WTF_CSRF_SSL_STRICT", csrf.sslStrict());

    assertThat(applied.keySet()).containsExactlyInAnyOrderElementsOf(
        LoginSettings.all().stream().map(Setting::name).toList());
    for (Setting<?> row : LoginSettings.all()) {
      Object expected = applied.get(row.name());
      Object given = row.defaultValue() instanceof List<?> list && expected instanceof Set<?> ? Set.copyOf(list)
          : row.defaultValue();
      assertThat(given).as(row.name()).isEqualTo(expected);
    }
  }
}
