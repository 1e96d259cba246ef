package dev.flagon.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SessionLifecycle;
import dev.flagon.codec.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link LoginManager#begin(SessionLifecycle, RequestView)}: Flask-Login's after_request over a lifecycle. */
class LoginLifecycleTest {
  private static final String KEY = "a test key for the lifecycle, not a secret";
  private static final Instant NOW = Instant.parse("2026-05-10T12:34:56.789Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Flagon FLAGON =
      Flagon.create(FlagonConfig.builder().secretKey(Secret.fromText(KEY)).clock(CLOCK).build());
  private static final TestRequest BROWSER = TestRequest.get().withHeader("User-Agent", "Mozilla/5.0");

  private static LoginManager<TestUser> manager(Map<String, Object> settings) {
    Map<String, Object> config = new java.util.HashMap<>(settings);
    config.put("SECRET_KEY", KEY);
    return LoginManager.create(LoginConfig.fromMap(config), TestUser.anyId(), CLOCK);
  }

  /** One request: its Cookie headers in, the Set-Cookie headers out. */
  private static final class Exchange implements SessionLifecycle.Response {
    final List<String> setCookies = new ArrayList<>();
    final SessionLifecycle lifecycle;

    Exchange(String... cookieHeaders) {
      lifecycle = new SessionLifecycle(FLAGON, List.of(cookieHeaders), "/test", this, System.getLogger("test"));
    }

    @Override public boolean isCommitted() { return false; }
    @Override public Collection<String> getHeaders(String name) {
      return name.equals("Set-Cookie") ? setCookies : List.of();
    }
    @Override public void addHeader(String name, String value) {
      if (name.equals("Set-Cookie")) {
        setCookies.add(value);
      }
    }
    @Override public void setHeader(String name, String value) {}
    @Override public void answerError(int status) {}
  }

  private static String rememberValue(LoginManager<?> logins, String id) {
    return logins.config().rememberToken().encode(id);
  }

  @Test
  void begin_rememberedLogin_sendsTheRememberCookieBeforeTheSessionCookie() {
    LoginManager<TestUser> logins = manager(Map.of());
    Exchange exchange = new Exchange();

    logins.begin(exchange.lifecycle, BROWSER).loginUser(new TestUser("7", true),
        LoginOptions.DEFAULT.withRemember(true));
    exchange.lifecycle.finish();

    assertThat(exchange.setCookies).hasSize(2);
    assertThat(exchange.setCookies.get(0)).isEqualTo("remember_token=" + rememberValue(logins, "7")
        + "; Expires=Mon, 10 May 2027 12:34:56 GMT; HttpOnly; Path=/");
    assertThat(exchange.setCookies.get(1)).startsWith("session=");
    assertThat(exchange.lifecycle.session().contains("_remember")).isFalse();
  }

  @Test
  void begin_logoutWithRememberCookie_deletesItAsWerkzeugsDeleteCookie() {
    LoginManager<TestUser> logins = manager(Map.of("REMEMBER_COOKIE_DOMAIN", "example.com",
        "REMEMBER_COOKIE_SECURE", true));
    String cookie = "remember_token=" + rememberValue(logins, "7");
    Exchange exchange = new Exchange(cookie);

    CurrentLogin<TestUser> login = logins.begin(exchange.lifecycle, BROWSER.withCookie("remember_token",
        rememberValue(logins, "7")));
    assertThat(login.user()).contains(new TestUser("7", true));
    login.logoutUser();
    exchange.lifecycle.finish();

    assertThat(exchange.setCookies).first().isEqualTo("remember_token=; Domain=example.com;"
        + " Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
  }

  @Test
  void begin_refreshEachRequest_refreshesTheCookieOnARequestThatNeverAskedForTheUser() {
    LoginManager<TestUser> logins = manager(Map.of("REMEMBER_COOKIE_REFRESH_EACH_REQUEST", true));
    Exchange first = new Exchange();
    logins.begin(first.lifecycle, BROWSER).loginUser(new TestUser("7", true));
    first.lifecycle.finish();
    String sessionCookie = first.setCookies.get(first.setCookies.size() - 1).split(";")[0];

    Exchange second = new Exchange(sessionCookie);
    logins.begin(second.lifecycle, BROWSER);
    second.lifecycle.finish();

    assertThat(first.setCookies.get(0)).startsWith("remember_token=" + rememberValue(logins, "7") + ";");
    assertThat(second.setCookies).anyMatch(header -> header.startsWith("remember_token=7|"));
  }

  @Test
  void begin_anonymousRequestWithoutCookies_setsNoCookieButReadsTheSessionAsFlaskLoginDoes() {
    Exchange exchange = new Exchange();

    manager(Map.of()).begin(exchange.lifecycle, BROWSER);
    exchange.lifecycle.finish();

    assertThat(exchange.setCookies).isEmpty();
    // "_remember" in session: on Flask 3.1.3 that is an access, so every response varies on Cookie.
    assertThat(exchange.lifecycle.session().isAccessed()).isTrue();
    assertThat(exchange.lifecycle.session().isModified()).isFalse();
  }

  @Test
  void begin_afterTheSave_isRefused() {
    Exchange exchange = new Exchange();
    exchange.lifecycle.finish();

    assertThatThrownBy(() -> manager(Map.of()).begin(exchange.lifecycle, BROWSER))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void loginConfig_rememberCookieDomainWithASeparator_isRefusedNamingTheSetting() {
    assertThatThrownBy(() -> manager(Map.of("REMEMBER_COOKIE_DOMAIN", "example.com; Secure")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REMEMBER_COOKIE_DOMAIN");
  }
}
