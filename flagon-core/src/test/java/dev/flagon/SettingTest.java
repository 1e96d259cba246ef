package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Secret;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One row of a settings table: names, text read as Flask's from_prefixed_env, typed values, rules. */
class SettingTest {
  private static final Setting<List<String>> METHODS = Setting.texts("WTF_CSRF_METHODS",
      "flagon.csrf.methods", List.of("POST", "PUT", "PATCH", "DELETE"), "Methods that need a CSRF token.");

  @Test
  void names_environmentAndSpring_comeFromTheRow() {
    Setting<Boolean> secure = FlagonSettings.SESSION_COOKIE_SECURE;
    assertThat(secure.name()).isEqualTo("SESSION_COOKIE_SECURE");
    assertThat(secure.environmentName()).isEqualTo("FLAGON_SESSION_COOKIE_SECURE");
    assertThat(secure.springName()).isEqualTo("flagon.cookie.secure");
    assertThat(secure).hasToString("SESSION_COOKIE_SECURE");
  }

  @Test
  void declare_badNames_areRefused() {
    assertThatThrownBy(() -> Setting.flag("session_cookie_secure", "flagon.x", false, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Setting.flag("X", "spring.x", false, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Setting.flag("X", "flagon.Cookie", false, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_text_isAJsonLiteralIfItIsOneElseRawText() {
    assertThat(FlagonSettings.SESSION_COOKIE_DOMAIN.parse("null")).isNull();
    assertThat(FlagonSettings.SESSION_COOKIE_DOMAIN.parse("\"null\"")).isEqualTo("null");
    assertThat(FlagonSettings.SESSION_COOKIE_NAME.parse("2024")).isEqualTo("2024");
    assertThat(FlagonSettings.SESSION_SALT.parse("[\"a\"]")).isEqualTo("[\"a\"]");
    assertThat(FlagonSettings.MAX_COOKIE_SIZE.parse(" 5000 ")).isEqualTo(5000);
    assertThat(FlagonSettings.MAX_COOKIE_SIZE.parse("null")).isZero();
    assertThat(FlagonSettings.SESSION_COOKIE_SECURE.parse("\"yes\"")).isTrue();
    assertThat(FlagonSettings.SESSION_COOKIE_HTTPONLY.parse("null")).isFalse();
    assertThat(FlagonSettings.SECRET_KEY.parse("null")).isNull();
    assertThat(FlagonSettings.SECRET_KEY_FALLBACKS.parse("null")).isEmpty();
    assertThat(FlagonSettings.SECRET_KEY_FALLBACKS.parse("[\"a\", \"b\"]")).hasSize(2);
    assertThat(FlagonSettings.SECRET_KEY_FALLBACKS.parse("{\" t\": [\"a\", \"b\"]}")).hasSize(1); // no list: text
    assertThatThrownBy(() -> FlagonSettings.MAX_COOKIE_SIZE.parse("NaN")) // json.loads reads it; no count
        .hasMessage("MAX_COOKIE_SIZE must be a whole number, 0 or more, not 'NaN'");
  }

  @Test
  void parse_durations_inEveryWrittenForm() {
    Setting<Duration> lifetime = FlagonSettings.PERMANENT_SESSION_LIFETIME;
    assertThat(lifetime.parse("3600")).isEqualTo(Duration.ofHours(1));
    assertThat(lifetime.parse("1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThat(lifetime.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(lifetime.parse("12H")).isEqualTo(Duration.ofHours(12));
    assertThat(lifetime.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(lifetime.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(lifetime.parse("PT60M")).isEqualTo(Duration.ofHours(1));
    assertThat(lifetime.parse(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> lifetime.parse("1000000000d")).hasMessage(
        "PERMANENT_SESSION_LIFETIME must be between 0 and 999999999 days, not 86400000000000s");
    assertThatThrownBy(() -> lifetime.parse(Duration.ofDays(1_000_000_000))).hasMessageStartingWith(
        "PERMANENT_SESSION_LIFETIME must be between 0 and 999999999 days, not ");
    assertThatThrownBy(() -> lifetime.parse("PT-5S"))
        .hasMessage("PERMANENT_SESSION_LIFETIME must be between 0 and 999999999 days, not -5s");
    assertThatThrownBy(() -> lifetime.check(Duration.ofMillis(-1500)))
        .hasMessage("PERMANENT_SESSION_LIFETIME must be between 0 and 999999999 days, not -1.5s");
  }

  @Test
  void parse_choice_byConfigNameOrJavaNameInAnyCase() {
    assertThat(FlagonSettings.SESSION_FORMAT.parse("Signed")).isEqualTo(CookieFormat.SIGNED);
    assertThat(FlagonSettings.SESSION_DIGEST.parse("SHA-256")).isEqualTo(Digest.SHA256);
    assertThat(FlagonSettings.SESSION_COOKIE_SAMESITE.parse("\"lax\"")).isEqualTo(SameSite.LAX);
    assertThat(FlagonSettings.SESSION_SIZE_POLICY.parse(SizePolicy.SPLIT)).isEqualTo(SizePolicy.SPLIT);
    assertThatThrownBy(() -> FlagonSettings.SESSION_SIZE_POLICY.parse("ignore"))
        .hasMessage("SESSION_SIZE_POLICY must be error, warn or split, not 'ignore'");
    assertThatThrownBy(() -> FlagonSettings.SESSION_SIZE_POLICY.parse("null"))
        .hasMessage("SESSION_SIZE_POLICY must be error, warn or split, not null");
  }

  @Test
  void parse_texts_fromJsonArrayListOrCommaSeparatedText() {
    assertThat(METHODS.parse("[\"POST\", \"PUT\"]")).containsExactly("POST", "PUT");
    assertThat(METHODS.parse(List.of("GET"))).containsExactly("GET");
    assertThat(METHODS.parse(Set.of("GET"))).containsExactly("GET");
    assertThat(METHODS.parse("POST")).containsExactly("POST");
    assertThat(METHODS.parse(" POST, PUT ")).containsExactly("POST", "PUT");
    assertThatThrownBy(() -> METHODS.parse(null)).hasMessage("WTF_CSRF_METHODS must be a list of text (a JSON"
        + " array of strings), not null"); // Flask-WTF fails on every request with None
    assertThatThrownBy(() -> METHODS.parse("[\"POST\", PUT]")).hasMessageStartingWith("WTF_CSRF_METHODS looks like");
    assertThat(METHODS.defaultText()).isEqualTo("[POST, PUT, PATCH, DELETE]");
    assertThatThrownBy(() -> METHODS.parse(List.of("POST", 1)))
        .hasMessage("WTF_CSRF_METHODS must be a list of text (a JSON array of strings), not '[POST, 1]'");
  }

  @Test
  void parse_secret_neverShowsTheValue() {
    for (Object bad : new Object[] {987654321, List.of("s3cr3t", 42), "[\"s3cr3t\", 42", "s3cr3t\ud800"}) {
      Setting<?> setting = bad instanceof String s && !s.startsWith("[")
          ? FlagonSettings.SECRET_KEY : FlagonSettings.SECRET_KEY_FALLBACKS;
      assertThatThrownBy(() -> setting.parse(bad)).as("%s", bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(setting.name()).hasMessageNotContaining("s3cr3t")
          .hasMessageNotContaining("42");
    }
    assertThat(FlagonSettings.SECRET_KEY.parse(new byte[] {1, 2})).isInstanceOf(Secret.class);
  }

  @Test
  void parse_refusedValue_isShownOnOneShortLine() {
    String hostile = "maybe\r\nSet-Cookie: x=1" + "y".repeat(200);
    assertThatThrownBy(() -> FlagonSettings.SESSION_COOKIE_SECURE.parse(hostile))
        .hasMessageStartingWith("SESSION_COOKIE_SECURE must be true or false (or yes/no, on/off, 1/0), not"
            + " 'maybe\\u000D\\u000ASet-Cookie: x=1yyy")
        .hasMessageEndingWith("...'").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(150));
  }

  @Test
  void check_typedValue_followsTheRules() {
    assertThat(FlagonSettings.SESSION_MAX_CHUNKS.check(16)).isEqualTo(16);
    assertThatThrownBy(() -> FlagonSettings.SESSION_MAX_CHUNKS.check(17))
        .hasMessage("SESSION_MAX_CHUNKS must be between 1 and 16 (servers refuse Cookie headers much larger"
            + " than 16 KiB), not '17'");
    assertThatThrownBy(() -> FlagonSettings.MAX_COOKIE_SIZE.check(-1))
        .hasMessage("MAX_COOKIE_SIZE must be a whole number, 0 or more, not '-1'");
    assertThatThrownBy(() -> FlagonSettings.SESSION_COOKIE_NAME.check(null))
        .hasMessage("SESSION_COOKIE_NAME must be text, not null");
    assertThat(FlagonSettings.SESSION_COOKIE_DOMAIN.check(null)).isNull();
  }

  @Test
  void defaultText_isTheDefaultAsWrittenInConfiguration() {
    assertThat(FlagonSettings.SECRET_KEY.defaultText()).isEqualTo("none");
    assertThat(FlagonSettings.SECRET_KEY_FALLBACKS.defaultText()).isEqualTo("none");
    assertThat(FlagonSettings.PERMANENT_SESSION_LIFETIME.defaultText()).isEqualTo("31d");
    assertThat(FlagonSettings.SESSION_FORMAT.defaultText()).isEqualTo("signed");
    assertThat(FlagonSettings.SESSION_COOKIE_HTTPONLY.defaultText()).isEqualTo("true");
  }

  @Test
  void fromEnvironmentAndFromNames_takeOnlyTheseSettingsText() {
    List<Setting<?>> settings = Arrays.asList(METHODS, FlagonSettings.SESSION_COOKIE_SECURE);
    Map<String, String> environment = Map.of("FLAGON_WTF_CSRF_METHODS", "[\"POST\"]", "WTF_CSRF_METHODS", "x",
        "FLAGON_OTHER", "y", "FLAGON_SESSION_COOKIE_SECURE", "true");
    assertThat(Setting.fromEnvironment(settings, environment))
        .containsExactly(Map.entry("WTF_CSRF_METHODS", "[\"POST\"]"),
            Map.entry("SESSION_COOKIE_SECURE", "true"));
    Properties properties = new Properties();
    properties.setProperty("WTF_CSRF_METHODS", "PUT");
    properties.put("SESSION_COOKIE_SECURE", Boolean.TRUE); // not text: ignored, as getProperty ignores it
    properties.setProperty("FLAGON_SESSION_COOKIE_SECURE", "true");
    assertThat(Setting.fromNames(settings, properties)).containsExactly(Map.entry("WTF_CSRF_METHODS", "PUT"));
  }

  @Test
  void flagonConfig_getAndSet_workForEveryRowAndOnlyThose() {
    FlagonConfig config = FlagonConfig.builder().secretKey("3f9c1be0a47d52e6b8c01f2a9d7e6c45")
        .set(FlagonSettings.SESSION_SIZE_POLICY, SizePolicy.SPLIT).build();
    assertThat(config.get(FlagonSettings.SESSION_SIZE_POLICY)).isEqualTo(SizePolicy.SPLIT);
    assertThat(config.sizePolicy()).isEqualTo(SizePolicy.SPLIT);
    assertThatThrownBy(() -> config.get(METHODS)).hasMessageContaining("WTF_CSRF_METHODS");
    assertThatThrownBy(() -> FlagonConfig.builder().set(METHODS, List.of()))
        .hasMessageContaining("WTF_CSRF_METHODS");
    Map<String, Object> map = new HashMap<>(Map.of("SESSION_COOKIE_SAMESITE", "Strict"));
    assertThat(FlagonConfig.builder().secretKey("3f9c1be0a47d52e6b8c01f2a9d7e6c45").putAll(map).build()
        .cookieSameSite()).contains(SameSite.STRICT);
  }
}
