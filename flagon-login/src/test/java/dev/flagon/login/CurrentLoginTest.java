package dev.flagon.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurrentLoginTest {
  private static final Instant NOW = Instant.parse("2026-05-10T12:34:56.789123456Z");
  private static final Instant NOW_MICROS = Instant.parse("2026-05-10T12:34:56.789123Z");
  private static final TestRequest BROWSER = TestRequest.get().withHeader("User-Agent", "Mozilla/5.0");

  private static LoginManager<TestUser> manager(Map<String, Object> settings) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put("SECRET_KEY", "a test key, not a secret");
    return LoginManager.create(LoginConfig.fromMap(config), TestUser.loader(Set.of("sleeper"), Set.of("ghost")),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static final LoginManager<TestUser> DEFAULTS = manager(Map.of());

  private static String identifier(RequestView request) {
    return SessionIdentifier.create(request);
  }

  @Test
  void loginUser_remembered_writesFlaskLoginsKeysWithTheirPythonTypes() {
    Session session = TestSessions.empty();
    CurrentLogin<TestUser> login = DEFAULTS.begin(session, BROWSER);

    assertThat(login.loginUser(new TestUser("42", true),
        LoginOptions.DEFAULT.withRemember(true).withDuration(Duration.ofSeconds(3600)))).isTrue();

    assertThat(TestSessions.json(session)).isEqualTo("{\"_fresh\":true,\"_id\":\"" + identifier(BROWSER)
        + "\",\"_remember\":\"set\",\"_remember_seconds\":3600.0,\"_user_id\":\"42\"}");
    assertThat(login.user()).contains(new TestUser("42", true));
  }

  @Test
  void loginUser_inactiveUser_isRefusedAndChangesNothing() {
    Session session = TestSessions.empty();
    CurrentLogin<TestUser> login = DEFAULTS.begin(session, BROWSER);

    assertThat(login.loginUser(new TestUser("sleeper", false))).isFalse();

    assertThat(session.isModified()).isFalse();
    assertThat(login.user()).isEmpty();
  }

  @Test
  void loginUser_inactiveButForced_logsInNotFresh() {
    Session session = TestSessions.empty();
    CurrentLogin<TestUser> login = DEFAULTS.begin(session, BROWSER);

    assertThat(login.loginUser(new TestUser("sleeper", false),
        LoginOptions.DEFAULT.withForce(true).withFresh(false))).isTrue();

    assertThat(session.get("_fresh")).isEqualTo(false);
    assertThat(login.isFresh()).isFalse();
  }

  @Test
  void user_sessionWithUserIdAndMatchingIdentifier_isLoadedWithoutWrites() {
    Session session = TestSessions.of("{\"_fresh\":true,\"_id\":\"" + identifier(BROWSER) + "\",\"_user_id\":\"7\"}");

    assertThat(DEFAULTS.begin(session, BROWSER).user()).contains(new TestUser("7", true));
    assertThat(session.isModified()).isFalse();
  }

  @Test
  void user_unknownIdAndNoRememberCookie_isAnonymous() {
    Session session = TestSessions.of("{\"_id\":\"" + identifier(BROWSER) + "\",\"_user_id\":\"ghost\"}");

    assertThat(DEFAULTS.begin(session, BROWSER).user()).isEmpty();
  }

  @Test
  void user_basicProtectionAndOtherClient_staysLoggedInButNotFresh() {
    Session session = TestSessions.of("{\"_fresh\":true,\"_id\":\"" + identifier(BROWSER) + "\",\"_user_id\":\"7\"}");
    CurrentLogin<TestUser> login = DEFAULTS.begin(session, BROWSER.withHeader("User-Agent", "curl/8"));

    assertThat(login.user()).contains(new TestUser("7", true));
    assertThat(session.get("_fresh")).isEqualTo(false);
    assertThat(login.isFresh()).isFalse();
  }

  @Test
  void user_strongProtectionAndOtherClient_logsOutAndClearsTheRememberCookie() {
    Session session = TestSessions.of("{\"_fresh\":true,\"_id\":\"" + identifier(BROWSER)
        + "\",\"_user_id\":\"7\",\"next\":\"/x\",\"other\":1}");
    LoginManager<TestUser> strong = manager(Map.of("SESSION_PROTECTION", "strong"));
    String cookie = strong.config().rememberToken().encode("7");
    CurrentLogin<TestUser> login = strong.begin(session,
        BROWSER.withHeader("User-Agent", "curl/8").withCookie("remember_token", cookie));

    assertThat(login.user()).isEmpty();
    assertThat(TestSessions.json(session)).isEqualTo("{\"_remember\":\"clear\",\"other\":1}");
    assertThat(login.finish()).hasValueSatisfying(c -> assertThat(c.deletion()).isTrue());
  }

  @Test
  void user_strongProtectionOnPermanentSession_onlyMarksNotFresh() {
    Session session = TestSessions.of("{\"_fresh\":true,\"_id\":\"other\",\"_permanent\":true,\"_user_id\":\"7\"}");
    LoginManager<TestUser> strong = manager(Map.of("SESSION_PROTECTION", "strong"));

    assertThat(strong.begin(session, BROWSER).user()).contains(new TestUser("7", true));
    assertThat(session.get("_fresh")).isEqualTo(false);
  }

  @Test
  void user_sessionWithoutIdentifier_isCheckedAsFlaskLoginDoes() {
    Session session = TestSessions.of("{\"csrf_token\":\"abc\"}");

    assertThat(DEFAULTS.begin(session, BROWSER).user()).isEmpty();
    assertThat(TestSessions.json(session)).isEqualTo("{\"_fresh\":false,\"csrf_token\":\"abc\"}");
  }

  @Test
  void user_validRememberCookie_logsInNotFreshAndWritesOnlyUserIdAndFresh() {
    Session session = TestSessions.empty();
    String cookie = DEFAULTS.config().rememberToken().encode("a|b é");
    CurrentLogin<TestUser> login = DEFAULTS.begin(session, BROWSER.withCookie("remember_token", cookie));

    assertThat(login.user()).contains(new TestUser("a|b é", true));
    assertThat(login.isRemembered()).isTrue();
    assertThat(TestSessions.json(session)).isEqualTo("{\"_fresh\":false,\"_user_id\":\"a|b \\u00e9\"}");
  }

  @Test
  void user_rememberCookieOfUnknownUser_stillStoresTheIdAsFlaskLoginDoes() {
    Session session = TestSessions.empty();
    String cookie = DEFAULTS.config().rememberToken().encode("ghost");

    assertThat(DEFAULTS.begin(session, BROWSER.withCookie("remember_token", cookie)).user()).isEmpty();
    assertThat(TestSessions.json(session)).isEqualTo("{\"_fresh\":false,\"_user_id\":\"ghost\"}");
  }

  @Test
  void user_rememberCookieBeingCleared_isIgnored() {
    Session session = TestSessions.of("{\"_remember\":\"clear\"}");
    String cookie = DEFAULTS.config().rememberToken().encode("7");
    CurrentLogin<TestUser> login = manager(Map.of("SESSION_PROTECTION", "none"))
        .begin(session, BROWSER.withCookie("remember_token", cookie));

    assertThat(login.user()).isEmpty();
    assertThat(login.isRemembered()).isFalse();
  }

  @Test
  void logoutUser_withRememberCookie_removesLoginKeysAndClearsTheCookie() {
    Session session = TestSessions.of("{\"_fresh\":true,\"_id\":\"" + identifier(BROWSER)
        + "\",\"_remember_seconds\":60.0,\"_user_id\":\"7\",\"keep\":true}");
    String cookie = DEFAULTS.config().rememberToken().encode("7");
    CurrentLogin<TestUser> login = DEFAULTS.begin(session, BROWSER.withCookie("remember_token", cookie));

    login.logoutUser();

    assertThat(login.user()).isEmpty();
    assertThat(TestSessions.json(session)).isEqualTo("{\"_remember\":\"clear\",\"keep\":true}");
    RememberCookie deletion = login.finish().orElseThrow();
    assertThat(deletion).isEqualTo(new RememberCookie("remember_token", "", Instant.EPOCH, true, null, "/",
        false, false, null));
    assertThat(TestSessions.json(session)).isEqualTo("{\"keep\":true}");
  }

  @Test
  void logoutUser_withoutRememberCookie_keepsRememberSeconds() {
    Session session = TestSessions.of("{\"_remember_seconds\":60.0,\"_user_id\":\"7\"}");
    CurrentLogin<TestUser> login = manager(Map.of("SESSION_PROTECTION", "none")).begin(session, BROWSER);

    login.logoutUser();

    assertThat(TestSessions.json(session)).isEqualTo("{\"_remember_seconds\":60.0}");
    assertThat(login.finish()).isEmpty();
  }

  @Test
  void confirmLogin_staleLogin_becomesFreshWithThisClientsIdentifier() {
    Session session = TestSessions.of("{\"_fresh\":false,\"_id\":\"old\",\"_user_id\":\"7\"}");
    CurrentLogin<TestUser> login = DEFAULTS.begin(session, BROWSER);

    login.confirmLogin();

    assertThat(login.isFresh()).isTrue();
    assertThat(session.get("_id")).isEqualTo(identifier(BROWSER));
  }

  @Test
  void finish_rememberSet_givesTheCookieWithConfiguredAttributes() {
    LoginManager<TestUser> configured = manager(Map.of("REMEMBER_COOKIE_DOMAIN", ".example.com",
        "REMEMBER_COOKIE_PATH", "/app", "REMEMBER_COOKIE_SECURE", "true", "REMEMBER_COOKIE_HTTPONLY", false,
        "REMEMBER_COOKIE_SAMESITE", "lax", "REMEMBER_COOKIE_DURATION", 86400));
    Session session = TestSessions.empty();
    CurrentLogin<TestUser> login = configured.begin(session, BROWSER);
    login.loginUser(new TestUser("7", true), LoginOptions.DEFAULT.withRemember(true));

    RememberCookie cookie = login.finish().orElseThrow();

    assertThat(cookie).isEqualTo(new RememberCookie("remember_token", configured.config().rememberToken().encode("7"),
        NOW_MICROS.plusSeconds(86400), false, ".example.com", "/app", true, false, dev.flagon.SameSite.LAX));
    assertThat(session.contains("_remember")).isFalse();
  }

  @Test
  void finish_rememberSecondsAsFloat_roundsToTheMicrosecondAsPythonsTimedelta() {
    Session session = TestSessions.of("{\"_remember\":\"set\",\"_remember_seconds\":0.0000025,\"_user_id\":\"7\"}");

    RememberCookie cookie = DEFAULTS.begin(session, BROWSER).finish().orElseThrow();

    assertThat(cookie.expires()).isEqualTo(NOW_MICROS.plusNanos(2000)); // 2.5 µs: half to even
  }

  @Test
  void finish_rememberSecondsPythonCannotUse_fallsBackToTheConfiguredDuration() {
    Session session = TestSessions.of("{\"_remember\":\"set\",\"_remember_seconds\":\"soon\",\"_user_id\":\"7\"}");

    RememberCookie cookie = DEFAULTS.begin(session, BROWSER).finish().orElseThrow();

    assertThat(cookie.expires()).isEqualTo(NOW_MICROS.plus(Duration.ofDays(365)));
  }

  @Test
  void finish_refreshEachRequest_setsTheCookieForALoggedInUserOnly() {
    LoginManager<TestUser> refreshing = manager(Map.of("REMEMBER_COOKIE_REFRESH_EACH_REQUEST", true));
    Session loggedIn = TestSessions.of("{\"_user_id\":\"7\"}");
    Session anonymous = TestSessions.of("{\"other\":1}");

    assertThat(refreshing.begin(loggedIn, BROWSER).finish()).isPresent();
    assertThat(refreshing.begin(anonymous, BROWSER).finish()).isEmpty();
    assertThat(anonymous.isModified()).as("_remember is set, then popped, as in Flask-Login").isTrue();
  }

  @Test
  void finish_nothingToDo_leavesTheSessionUnmodified() {
    Session session = TestSessions.of("{\"_user_id\":\"7\"}");

    assertThat(DEFAULTS.begin(session, BROWSER).finish()).isEmpty();
    assertThat(session.isModified()).isFalse();
  }

  @Test
  void loginUser_longestPythonDuration_storesItsFloatAndTheCookieFallsBackToTheConfiguredDuration() {
    Session session = TestSessions.empty();
    CurrentLogin<TestUser> login = DEFAULTS.begin(session, BROWSER);
    Duration max = Duration.ofDays(1_000_000_000).minusNanos(1000); // timedelta.max: 999999999 days, 23:59:59.999999

    login.loginUser(new TestUser("7", true), LoginOptions.DEFAULT.withRemember(true).withDuration(max));

    assertThat(TestSessions.json(session)).contains("\"_remember_seconds\":86400000000000.0");
    assertThat(login.finish().orElseThrow().expires()).isEqualTo(NOW_MICROS.plus(Duration.ofDays(365)));
    assertThatThrownBy(() -> LoginOptions.DEFAULT.withDuration(max.plusNanos(1000)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void user_loaderReturningNull_failsNamingTheLoader() {
    LoginManager<TestUser> broken = LoginManager.create(LoginConfig.fromMap(Map.of("SECRET_KEY", "k")), id -> null);
    Session session = TestSessions.of("{\"_user_id\":\"7\"}");

    assertThatThrownBy(() -> broken.begin(session, BROWSER).user()).hasMessageContaining("user loader");
  }
}
