package dev.flagon.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.SameSite;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigTest {
  private static Map<String, Object> with(Object... pairs) {
    Map<String, Object> config = new HashMap<>();
    config.put("SECRET_KEY", "key");
    for (int i = 0; i < pairs.length; i += 2) {
      config.put((String) pairs[i], pairs[i + 1]);
    }
    return config;
  }

  @Test
  void loginConfig_onlyTheKey_hasFlaskLoginsDefaults() {
    LoginConfig config = LoginConfig.fromMap(with());

    assertThat(config.sessionProtection()).isEqualTo(SessionProtection.BASIC);
    assertThat(config.rememberCookieName()).isEqualTo("remember_token");
    assertThat(config.rememberCookieDuration()).isEqualTo(Duration.ofDays(365));
    assertThat(config.rememberCookieDomain()).isNull();
    assertThat(config.rememberCookiePath()).isEqualTo("/");
    assertThat(config.rememberCookieSecure()).isFalse();
    assertThat(config.rememberCookieHttpOnly()).isTrue();
    assertThat(config.rememberCookieSameSite()).isNull();
    assertThat(config.rememberCookieRefreshEachRequest()).isFalse();
  }

  @Test
  void loginConfig_textAsInTheEnvironment_isParsed() {
    LoginConfig config = LoginConfig.fromMap(with("SESSION_PROTECTION", "strong", "REMEMBER_COOKIE_DURATION", "86400",
        "REMEMBER_COOKIE_SECURE", "true", "REMEMBER_COOKIE_HTTPONLY", "false", "REMEMBER_COOKIE_SAMESITE", "lax",
        "REMEMBER_COOKIE_REFRESH_EACH_REQUEST", "1", "REMEMBER_COOKIE_DOMAIN", "null", "REMEMBER_COOKIE_NAME", "rt"));

    assertThat(config.sessionProtection()).isEqualTo(SessionProtection.STRONG);
    assertThat(config.rememberCookieDuration()).isEqualTo(Duration.ofDays(1));
    assertThat(config.rememberCookieSecure()).isTrue();
    assertThat(config.rememberCookieHttpOnly()).isFalse();
    assertThat(config.rememberCookieSameSite()).isEqualTo(SameSite.LAX);
    assertThat(config.rememberCookieRefreshEachRequest()).isTrue();
    assertThat(config.rememberCookieDomain()).isNull();
    assertThat(config.rememberCookieName()).isEqualTo("rt");
    assertThat(LoginConfig.fromMap(with("REMEMBER_COOKIE_DURATION", "P30D")).rememberCookieDuration())
        .isEqualTo(Duration.ofDays(30));
  }

  @Test
  void loginConfig_noneValues_actAsPythonsNone() {
    LoginConfig config = LoginConfig.fromMap(with("SESSION_PROTECTION", null, "REMEMBER_COOKIE_HTTPONLY", null,
        "REMEMBER_COOKIE_PATH", null));

    assertThat(config.sessionProtection()).isEqualTo(SessionProtection.DISABLED);
    assertThat(config.rememberCookieHttpOnly()).isFalse();
    assertThat(config.rememberCookiePath()).isNull();
  }

  @Test
  void loginConfig_badValues_failNamingTheSettingWithoutTheKey() {
    assertThatThrownBy(() -> LoginConfig.fromMap(Map.of())).hasMessageStartingWith("SECRET_KEY is required");
    assertThatThrownBy(() -> LoginConfig.fromMap(Map.of("SECRET_KEY", "snowman \u2603")))
        .hasMessageStartingWith("SECRET_KEY has a character outside Latin-1").hasMessageNotContaining("snowman");
    assertThatThrownBy(() -> LoginConfig.fromMap(with("SESSION_PROTECTION", "Basic")))
        .hasMessageStartingWith("SESSION_PROTECTION");
    assertThatThrownBy(() -> LoginConfig.fromMap(with("REMEMBER_COOKIE_DURATION", -1)))
        .hasMessageStartingWith("REMEMBER_COOKIE_DURATION");
    assertThatThrownBy(() -> LoginConfig.fromMap(with("REMEMBER_COOKIE_DURATION", 1.5)))
        .hasMessageStartingWith("REMEMBER_COOKIE_DURATION");
    assertThatThrownBy(() -> LoginConfig.fromMap(with("REMEMBER_COOKIE_SECURE", "maybe")))
        .hasMessageStartingWith("REMEMBER_COOKIE_SECURE");
    assertThatThrownBy(() -> LoginConfig.fromMap(with("REMEMBER_COOKIE_NAME", "a b")))
        .hasMessageStartingWith("REMEMBER_COOKIE_NAME");
    assertThatThrownBy(() -> LoginConfig.fromMap(with("REMEMBER_COOKIE_SAMESITE", "")))
        .hasMessageStartingWith("REMEMBER_COOKIE_SAMESITE");
    assertThat(LoginConfig.fromMap(with("SECRET_KEY", "visible?")).toString()).doesNotContain("visible");
  }

  @Test
  void csrfConfig_onlyTheKey_hasFlaskWtfsDefaults() {
    CsrfConfig config = CsrfConfig.fromMap(with());

    assertThat(config.enabled()).isTrue();
    assertThat(config.checkDefault()).isTrue();
    assertThat(config.methods()).isEqualTo(Set.of("POST", "PUT", "PATCH", "DELETE"));
    assertThat(config.fieldName()).isEqualTo("csrf_token");
    assertThat(config.headers()).containsExactly("X-CSRFToken", "X-CSRF-Token");
    assertThat(config.timeLimit()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(config.sslStrict()).isTrue();
  }

  @Test
  void csrfConfig_textAsInTheEnvironment_isParsed() {
    CsrfConfig config = CsrfConfig.fromMap(with("WTF_CSRF_METHODS", "[\"POST\"]", "WTF_CSRF_HEADERS", "X-A, X-B",
        "WTF_CSRF_TIME_LIMIT", "null", "WTF_CSRF_SSL_STRICT", "off", "WTF_CSRF_ENABLED", "false"));

    assertThat(config.methods()).containsExactly("POST");
    assertThat(config.headers()).containsExactly("X-A", "X-B");
    assertThat(config.timeLimit()).isNull();
    assertThat(config.sslStrict()).isFalse();
    assertThat(config.enabled()).isFalse();
    assertThat(CsrfConfig.fromMap(with("WTF_CSRF_HEADERS", List.of("X-T"))).headers()).containsExactly("X-T");
  }

  @Test
  void csrfConfig_badValues_failNamingTheSetting() {
    assertThatThrownBy(() -> CsrfConfig.fromMap(Map.of())).hasMessageContaining("SECRET_KEY is required");
    assertThatThrownBy(() -> CsrfConfig.fromMap(with("WTF_CSRF_TIME_LIMIT", "soon")))
        .hasMessageStartingWith("WTF_CSRF_TIME_LIMIT");
    assertThatThrownBy(() -> CsrfConfig.fromMap(with("WTF_CSRF_FIELD_NAME", null)))
        .hasMessageStartingWith("WTF_CSRF_FIELD_NAME");
    assertThatThrownBy(() -> CsrfConfig.fromMap(with("WTF_CSRF_METHODS", List.of(1))))
        .hasMessageStartingWith("WTF_CSRF_METHODS");
    assertThat(CsrfConfig.fromMap(Map.of("WTF_CSRF_SECRET_KEY", "only this")).fieldName()).isEqualTo("csrf_token");
  }

  /** Each row is read by one of the configs: a value of no kind is refused, naming the row. */
  @Test
  void rows_everyOne_isReadByLoginOrCsrfConfig() {
    for (dev.flagon.Setting<?> row : LoginSettings.all()) {
      Map<String, Object> config = with(row.name(), new Object());
      assertThatThrownBy(() -> {
        LoginConfig.fromMap(config);
        CsrfConfig.fromMap(config);
      }).as(row.name()).hasMessageStartingWith(row.name());
    }
  }

  /** SECRET_KEY text as an environment variable gives it is read as core reads it: "null" unset, "\"k\"" is k. */
  @Test
  void loginConfig_keyText_isReadAsCoreReadsIt() {
    String plain = LoginConfig.fromMap(with("SECRET_KEY", "k\u00e9y")).rememberToken().encode("42");
    assertThat(LoginConfig.fromMap(with("SECRET_KEY", "\"k\u00e9y\"")).rememberToken().encode("42"))
        .isEqualTo(plain);
    byte[] latin1 = "k\u00e9y".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(LoginConfig.fromMap(with("SECRET_KEY", latin1)).rememberToken().encode("42")).isEqualTo(plain);
    assertThatThrownBy(() -> LoginConfig.fromMap(with("SECRET_KEY", " null ")))
        .hasMessageStartingWith("SECRET_KEY is required");
    assertThatThrownBy(() -> LoginConfig.fromMap(with("SECRET_KEY", 42)))
        .hasMessage("SECRET_KEY must be text or bytes, not a Integer");
  }
}
