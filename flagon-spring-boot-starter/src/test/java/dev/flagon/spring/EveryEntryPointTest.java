package dev.flagon.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.CookieFormat;
import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.SameSite;
import dev.flagon.Session;
import dev.flagon.Setting;
import dev.flagon.SizePolicy;
import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.Secret;
import dev.flagon.encrypted.EncryptedFormats;
import dev.flagon.servlet.FilterEntryPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Every setting through every entry point gives the same configuration, or the same refusal (issue 11
 * item 4, issue 12 item 3): a text map, a typed map, the builder, the environment, a properties file, the
 * servlet filter's init-params and environment, and Spring properties by Flask name, {@code FLAGON_} name
 * and {@code flagon.*} name. Each row of {@link FlagonSettings} has a value, {@code null} and, where there
 * is one, an invalid value; {@code FLAGON_SESSION_COOKIE_DOMAIN=null} once gave {@code Domain=null} through
 * the filter and Spring. Public for flagon-redis, whose rows join {@link FlagonSettings#all()} there.
 */
public class EveryEntryPointTest {
  private static final String KEY = "entry-point-key-0123456789abcdef";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
  /** A {@link Case}'s Java value null. */
  public static final Object NULL = new Object();

  /** One value of one setting: as text, and as a Java value ({@link #NULL} for null). */
  public record Case(Setting<?> setting, String text, Object typed) {
    @Override
    public String toString() {
      return setting.name() + "=" + text;
    }
  }

  private static final List<Case> CASES = List.of(
      new Case(FlagonSettings.SECRET_KEY, "other-entry-point-key-0123456789", Secret.fromText(
          "other-entry-point-key-0123456789")),
      new Case(FlagonSettings.SECRET_KEY, "short", "short"),
      new Case(FlagonSettings.SECRET_KEY_FALLBACKS,
          "[\"old-entry-point-key-0123456789\", \"older-key-0123456789\"]", List.of("old-entry-point-key-0123456789", Secret.fromText("older-key-0123456789"))),
      new Case(FlagonSettings.SECRET_KEY_FALLBACKS, "[\"s3cr3t\", 42", "[\"s3cr3t\", 42"),
      new Case(FlagonSettings.PERMANENT_SESSION_LIFETIME, "3600", Duration.ofHours(1)),
      new Case(FlagonSettings.PERMANENT_SESSION_LIFETIME, "7d", 604_800L),
      new Case(FlagonSettings.PERMANENT_SESSION_LIFETIME, "an hour", "an hour"),
      new Case(FlagonSettings.APPLICATION_ROOT, "/root", "/root"),
      new Case(FlagonSettings.APPLICATION_ROOT, "/root\u0000", "/root\u0000"),
      new Case(FlagonSettings.SESSION_COOKIE_NAME, "app_session", "app_session"),
      new Case(FlagonSettings.SESSION_COOKIE_NAME, "my session", "my session"),
      new Case(FlagonSettings.SESSION_COOKIE_DOMAIN, "example.com", "example.com"),
      new Case(FlagonSettings.SESSION_COOKIE_DOMAIN, "b\u00fccher.de", "b\u00fccher.de"),
      new Case(FlagonSettings.SESSION_COOKIE_DOMAIN, "example.com; SameSite=None",
          "example.com; SameSite=None"),
      new Case(FlagonSettings.SESSION_COOKIE_DOMAIN, "example.com\r\n\r\n<h1>body",
          "example.com\r\n\r\n<h1>body"),
      new Case(FlagonSettings.SESSION_COOKIE_PATH, "/app", "/app"),
      new Case(FlagonSettings.SESSION_COOKIE_PATH, "/a b;c", "/a b;c"),
      new Case(FlagonSettings.SESSION_COOKIE_HTTPONLY, "false", false),
      new Case(FlagonSettings.SESSION_COOKIE_HTTPONLY, "maybe", "maybe"),
      new Case(FlagonSettings.SESSION_COOKIE_SECURE, "yes", true),
      new Case(FlagonSettings.SESSION_COOKIE_SAMESITE, "Strict", SameSite.STRICT),
      new Case(FlagonSettings.SESSION_COOKIE_SAMESITE, "None", SameSite.NONE),
      new Case(FlagonSettings.SESSION_COOKIE_SAMESITE, "Sideways", "Sideways"),
      new Case(FlagonSettings.SESSION_COOKIE_PARTITIONED, "1", true),
      new Case(FlagonSettings.SESSION_REFRESH_EACH_REQUEST, "off", false),
      new Case(FlagonSettings.MAX_COOKIE_SIZE, "2000", 2000),
      new Case(FlagonSettings.MAX_COOKIE_SIZE, "big", "big"),
      new Case(FlagonSettings.SESSION_SIZE_POLICY, "warn", SizePolicy.WARN),
      new Case(FlagonSettings.SESSION_SIZE_POLICY, "ignore", "ignore"),
      new Case(FlagonSettings.SESSION_MAX_CHUNKS, "8", 8),
      new Case(FlagonSettings.SESSION_MAX_CHUNKS, "17", 17),
      new Case(FlagonSettings.SESSION_SALT, "my-salt", "my-salt"),
      new Case(FlagonSettings.SESSION_DIGEST, "sha256", Digest.SHA256),
      new Case(FlagonSettings.SESSION_DIGEST, "md5", "md5"),
      new Case(FlagonSettings.SESSION_KEY_DERIVATION, "django-concat", KeyDerivation.DJANGO_CONCAT),
      new Case(FlagonSettings.SESSION_FORMAT, "encrypted-migrate", EncryptedFormats.ENCRYPTED_MIGRATE),
      new Case(FlagonSettings.SESSION_FORMAT, "jwt", "jwt"),
      new Case(EncryptedFormats.SESSION_ENCRYPTION_COMPRESS, "true", true),
      new Case(FlagonSettings.SESSION_REISSUE_ON_FALLBACK, "on", true),
      new Case(FlagonSettings.SECRET_KEY_ALLOW_WEAK, "true", true),
      // SESSION_TYPE=redis alone is refused by Spring only (its bean needs SESSION_REDIS): flagon-redis's
      // RedisSessionsIT; flagon-redis's rows go through these entry points in its RedisEntryPointsTest
      new Case(FlagonSettings.SESSION_TYPE, "cookie", "cookie"),
      new Case(FlagonSettings.SESSION_TYPE, "filesystem", "filesystem"));

  @TempDir
  static Path dir;

  /** Each case above, and null for every setting. */
  static Stream<Case> cases() {
    return Stream.concat(CASES.stream(),
        FlagonSettings.all().stream().map(setting -> new Case(setting, "null", NULL)));
  }

  @Test
  void cases_coverEverySettingWithAValue() {
    assertThat(CASES.stream().map(Case::setting).distinct())
        .containsExactlyInAnyOrderElementsOf(FlagonSettings.all());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void entryPoints_sameSetting_giveTheSameConfigurationOrTheSameRefusal(Case c) throws IOException {
    assertSameEverywhere(c, dir);
  }

  /** Every entry point gives this case the same configuration, or the same refusal. */
  public static void assertSameEverywhere(Case c, Path dir) throws IOException {
    Map<String, String> text = new LinkedHashMap<>(Map.of("SECRET_KEY", KEY));
    text.put(c.setting().name(), c.text());
    Map<String, Object> typed = new HashMap<>(Map.of("SECRET_KEY", Secret.fromText(KEY)));
    typed.put(c.setting().name(), c.typed() == NULL ? null : c.typed());
    // SameSite=None needs Secure; the other entry points get the same pair.
    if (c.text().equals("None")) {
      text.put("SESSION_COOKIE_SECURE", "true");
      typed.put("SESSION_COOKIE_SECURE", true);
    }
    Map<String, String> environment = prefixed(text, Setting::environmentName);

    Map<String, String> outcomes = new LinkedHashMap<>();
    outcomes.put("text map", outcome(() -> FlagonConfig.fromMap(text)));
    outcomes.put("typed map", outcome(() -> FlagonConfig.fromMap(typed)));
    outcomes.put("builder", outcome(() -> builder(typed).build()));
    outcomes.put("environment", outcome(() -> FlagonConfig.fromEnvironment(environment)));
    outcomes.put("properties file",
        outcome(() -> FlagonConfig.fromProperties(EntryPoints.propertiesFile(dir, text))));
    outcomes.put("web.xml init-params", outcome(() -> FilterEntryPoint.config(Map.of(), text)));
    outcomes.put("filter environment", outcome(() -> FilterEntryPoint.config(environment, Map.of())));
    outcomes.put("Spring, Flask names", spring(text));
    outcomes.put("Spring, FLAGON_ names", spring(environment));
    outcomes.put("Spring, flagon.* names", spring(prefixed(text, Setting::springName)));

    String expected = outcomes.get("typed map");
    assertThat(outcomes).as("%s", c).allSatisfy((entryPoint, outcome) ->
        assertThat(outcome).as(entryPoint).isEqualTo(expected));
  }

  @Test
  void entryPoints_domainNull_isNoDomainEverywhere() {
    Map<String, String> text = Map.of("SECRET_KEY", KEY, "SESSION_COOKIE_DOMAIN", "null");
    assertThat(outcome(() -> FlagonConfig.fromMap(text))).contains("SESSION_COOKIE_DOMAIN=null")
        .doesNotContain("Domain=");
    assertThat(spring(text)).isEqualTo(outcome(() -> FlagonConfig.fromMap(text)));
  }

  private static FlagonConfig.Builder builder(Map<String, Object> typed) {
    FlagonConfig.Builder builder = FlagonConfig.builder();
    for (Setting<?> setting : FlagonSettings.all()) {
      if (typed.containsKey(setting.name())) {
        set(builder, setting, typed.get(setting.name()));
      }
    }
    return builder;
  }

  /** {@code Builder.set} with a value of the row's type (a typed value that is text stays text). */
  private static <T> void set(FlagonConfig.Builder builder, Setting<T> setting, Object value) {
    builder.set(setting, value instanceof String || value instanceof Long || value instanceof List<?>
        ? setting.parse(value) : setting.check(cast(value)));
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  private static Map<String, String> prefixed(Map<String, String> byFlaskName,
      Function<Setting<?>, String> name) {
    return EntryPoints.renamed(FlagonSettings.all(), byFlaskName, name);
  }

  private static String spring(Map<String, String> properties) {
    return EntryPoints.spring(new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(FlagonAutoConfiguration.class)), properties,
        context -> describe(context.getBean(FlagonConfig.class)));
  }

  private static String outcome(Callable<FlagonConfig> entryPoint) {
    return EntryPoints.outcome(entryPoint, EveryEntryPointTest::describe);
  }

  /** Every setting as toString shows it, and the cookie each key signs (toString only counts keys). */
  private static String describe(FlagonConfig config) {
    List<String> keys = new ArrayList<>();
    keys.add(probe(config, config.secretKey()));
    config.secretKeyFallbacks().forEach(fallback -> keys.add(probe(config, fallback)));
    return config + " " + keys;
  }

  private static String probe(FlagonConfig config, Secret key) {
    Flagon flagon = Flagon.create(config.toBuilder().secretKey(key).secretKeyFallbacks(List.of())
        .sessionFormat(CookieFormat.SIGNED).allowWeakSecretKey().clock(CLOCK).build());
    Session session = flagon.open();
    session.put("user_id", 12345);
    return flagon.save(session).setCookieHeaders().get(0);
  }
}
