package dev.flagon.login.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.FlagonSettings;
import dev.flagon.SameSite;
import dev.flagon.Session;
import dev.flagon.Setting;
import dev.flagon.json.TaggedJson;
import dev.flagon.login.CsrfConfig;
import dev.flagon.login.CsrfProtect;
import dev.flagon.login.LoginConfig;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginSettings;
import dev.flagon.login.LoginUser;
import dev.flagon.login.RequestView;
import dev.flagon.login.SessionProtection;
import dev.flagon.login.UserLoader;
import dev.flagon.spring.EntryPoints;
import dev.flagon.spring.FlagonAutoConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Every row of flagon-login's {@link LoginSettings} through every entry point gives the same
 * {@link LoginConfig} and {@link CsrfConfig}, or the same refusal: a text map, a typed map, the environment
 * ({@code FLAGON_} names), a properties file, and Spring properties by Flask name, {@code FLAGON_} name and
 * {@code flagon.login.*} / {@code flagon.csrf.*} name. As {@link EveryEntryPointTest} for core's rows.
 */
class LoginEntryPointsTest {
  private static final String KEY = "login-entry-point-key-0123456789";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
  private static final Object NULL = new Object();
  private static final List<Setting<?>> ROWS =
      Stream.concat(Stream.of(FlagonSettings.SECRET_KEY), LoginSettings.all().stream()).toList();

  /** One value of one row: as text, and as a Java value (NULL for null). */
  record Case(Setting<?> setting, String text, Object typed) {
    @Override
    public String toString() {
      return setting.name() + "=" + text;
    }
  }

  private static final List<Case> CASES = List.of(
      new Case(LoginSettings.SESSION_PROTECTION, "strong", SessionProtection.STRONG),
      new Case(LoginSettings.SESSION_PROTECTION, "none", "none"),
      new Case(LoginSettings.SESSION_PROTECTION, "Basic", "Basic"),
      new Case(LoginSettings.REMEMBER_COOKIE_NAME, "rt", "rt"),
      new Case(LoginSettings.REMEMBER_COOKIE_NAME, "a b", "a b"),
      new Case(LoginSettings.REMEMBER_COOKIE_DURATION, "86400", Duration.ofDays(1)),
      new Case(LoginSettings.REMEMBER_COOKIE_DURATION, "7d", 604_800L),
      new Case(LoginSettings.REMEMBER_COOKIE_DURATION, "1.5", 1.5),
      new Case(LoginSettings.REMEMBER_COOKIE_DURATION, "-1", -1),
      new Case(LoginSettings.REMEMBER_COOKIE_DOMAIN, "example.com", "example.com"),
      new Case(LoginSettings.REMEMBER_COOKIE_DOMAIN, "example.com; Secure", "example.com; Secure"),
      new Case(LoginSettings.REMEMBER_COOKIE_PATH, "/app", "/app"),
      new Case(LoginSettings.REMEMBER_COOKIE_SECURE, "yes", true),
      new Case(LoginSettings.REMEMBER_COOKIE_SECURE, "maybe", "maybe"),
      new Case(LoginSettings.REMEMBER_COOKIE_HTTPONLY, "false", false),
      new Case(LoginSettings.REMEMBER_COOKIE_SAMESITE, "Lax", SameSite.LAX),
      new Case(LoginSettings.REMEMBER_COOKIE_SAMESITE, "Sideways", "Sideways"),
      new Case(LoginSettings.REMEMBER_COOKIE_REFRESH_EACH_REQUEST, "1", true),
      new Case(LoginSettings.WTF_CSRF_SECRET_KEY, "a key for CSRF tokens only", "a key for CSRF tokens only"),
      new Case(LoginSettings.WTF_CSRF_ENABLED, "off", false),
      new Case(LoginSettings.WTF_CSRF_CHECK_DEFAULT, "false", false),
      new Case(LoginSettings.WTF_CSRF_METHODS, "[\"POST\"]", List.of("POST")),
      new Case(LoginSettings.WTF_CSRF_METHODS, "POST,DELETE", List.of("POST", "DELETE")),
      new Case(LoginSettings.WTF_CSRF_METHODS, "[\"POST\", 1", "[\"POST\", 1"),
      new Case(LoginSettings.WTF_CSRF_FIELD_NAME, "token", "token"),
      new Case(LoginSettings.WTF_CSRF_FIELD_NAME, "my token", "my token"),
      new Case(LoginSettings.WTF_CSRF_HEADERS, "X-A,X-B", List.of("X-A", "X-B")),
      new Case(LoginSettings.WTF_CSRF_TIME_LIMIT, "60", 60L),
      new Case(LoginSettings.WTF_CSRF_TIME_LIMIT, "soon", "soon"),
      new Case(LoginSettings.WTF_CSRF_SSL_STRICT, "off", false));

  @TempDir
  static Path dir;

  /** Each case above, and null for every row. */
  static Stream<Case> cases() {
    return Stream.concat(CASES.stream(),
        LoginSettings.all().stream().map(setting -> new Case(setting, "null", NULL)));
  }

  @Test
  void cases_coverEveryRowWithAValue() {
    assertThat(CASES.stream().map(Case::setting).distinct())
        .containsExactlyInAnyOrderElementsOf(LoginSettings.all());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void entryPoints_sameRow_giveTheSameConfigurationOrTheSameRefusal(Case c) throws IOException {
    Map<String, String> text = new LinkedHashMap<>(Map.of("SECRET_KEY", KEY));
    text.put(c.setting().name(), c.text());
    Map<String, Object> typed = new HashMap<>(Map.of("SECRET_KEY", KEY));
    typed.put(c.setting().name(), c.typed() == NULL ? null : c.typed());
    Map<String, String> environment = prefixed(text, Setting::environmentName);
    Properties properties = EntryPoints.load(EntryPoints.propertiesFile(dir, text));

    Map<String, String> outcomes = new LinkedHashMap<>();
    outcomes.put("text map", outcome(text));
    outcomes.put("typed map", outcome(typed));
    outcomes.put("environment", outcome(Setting.fromEnvironment(ROWS, environment)));
    outcomes.put("properties file", outcome(Setting.fromNames(ROWS, properties)));
    outcomes.put("Spring, Flask names", spring(text));
    outcomes.put("Spring, FLAGON_ names", spring(environment));
    outcomes.put("Spring, flagon.* names", spring(prefixed(text, Setting::springName)));

    String expected = outcomes.get("typed map");
    assertThat(outcomes).as("%s", c).allSatisfy((entryPoint, outcome) ->
        assertThat(outcome).as(entryPoint).isEqualTo(expected));
  }

  private static Map<String, String> prefixed(Map<String, String> byFlaskName, Function<Setting<?>, String> name) {
    return EntryPoints.renamed(ROWS, byFlaskName, name);
  }

  private static String outcome(Map<String, ?> config) {
    return EntryPoints.outcome(() -> describe(LoginConfig.fromMap(config), CsrfConfig.fromMap(config)), d -> d);
  }

  private static String spring(Map<String, String> properties) {
    return EntryPoints.spring(new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(FlagonAutoConfiguration.class, FlagonLoginAutoConfiguration.class))
        .withBean(UserLoader.class, () -> (UserLoader<LoginUser>) id -> Optional.empty()), properties,
        context -> describe(context.getBean(LoginManager.class).config(), context.getBean(CsrfProtect.class).config()));
  }

  /** Both configs as toString shows them (methods sorted), and a CSRF token their key signs. */
  private static String describe(LoginConfig login, CsrfConfig csrf) {
    Session session = Session.of(Map.of(csrf.fieldName(), "raw token"), TaggedJson.standard(), null);
    String token = CsrfProtect.create(csrf, CLOCK).begin(session, new GetRequest()).token();
    return login + " " + csrf + " " + new TreeSet<>(csrf.methods()) + " " + token;
  }

  /** A plain GET: all the token needs. */
  private static final class GetRequest implements RequestView {
    @Override
    public String method() {
      return "GET";
    }

    @Override
    public String header(String name) {
      return null;
    }

    @Override
    public String cookie(String name) {
      return null;
    }

    @Override
    public String remoteAddress() {
      return "127.0.0.1";
    }

    @Override
    public boolean isSecure() {
      return false;
    }

    @Override
    public String host() {
      return "localhost";
    }
  }

  @Test
  void csrfKey_unset_isSecretKeyAndSetChangesTheToken() {
    Map<String, String> own = Map.of("SECRET_KEY", KEY, "WTF_CSRF_SECRET_KEY", "another key");
    assertThat(outcome(Map.of("SECRET_KEY", KEY))).isNotEqualTo(outcome(own))
        .isEqualTo(outcome(Map.of("WTF_CSRF_SECRET_KEY", KEY, "SECRET_KEY", KEY)));
    assertThat(spring(own)).isEqualTo(outcome(own));
  }
}
