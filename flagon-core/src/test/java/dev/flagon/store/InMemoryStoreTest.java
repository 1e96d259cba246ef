package dev.flagon.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.CookieUpdate;
import dev.flagon.FlagonConfig;
import dev.flagon.SameSite;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.testing.CookieJar;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A second {@link SessionInterface}, outside the core's package and on its public API only: the session
 * lives in the store, the cookie carries its id, written by the same {@link dev.flagon.WerkzeugCookie} as
 * Flagon's own cookie and answered with the same {@link CookieUpdate}.
 */
class InMemoryStoreTest {
  private static final FlagonConfig CONFIG = FlagonConfig.builder()
      .secretKey("3f9c1be0a47d52e6b8c01f2a9d7e6c45").cookieDomain("example.com").cookieSecure(true)
      .cookieSameSite(SameSite.LAX)
      .clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC)).build();

  private static CookieUpdate request(SessionInterface store, CookieJar jar, Consumer<Session> app) {
    Session session = store.open(List.of(jar.header()));
    app.accept(session);
    CookieUpdate update = store.save(session);
    jar.apply(update);
    return update;
  }

  @Test
  void login_cookieCarriesOnlyTheId_withTheSessionCookiesAttributes_andTheDataStaysInTheStore() {
    InMemoryStore store = new InMemoryStore(CONFIG);
    CookieJar jar = new CookieJar();
    CookieUpdate login = request(store, jar, session -> session.put("user_id", 12345));

    assertThat(login.action()).isEqualTo(CookieUpdate.Action.SET);
    assertThat(login.varyCookie()).isTrue();
    String id = jar.get("session");
    assertThat(login.setCookieHeaders()).containsExactly("session=" + id
        + "; Domain=example.com; Secure; HttpOnly; Path=/; SameSite=Lax");
    assertThat(store.entries).containsOnlyKeys(id);
    assertThat(store.entries.get(id)).containsEntry("user_id", 12345);
    assertThat(store.open(List.of(jar.header())).get("user_id")).isEqualTo(12345);
  }

  @Test
  void readOnlyRequest_sendsNothing_butVaryCookie() {
    InMemoryStore store = new InMemoryStore(CONFIG);
    CookieJar jar = new CookieJar();
    request(store, jar, session -> session.put("user_id", 1));
    CookieUpdate read = request(store, jar, session -> session.get("user_id"));
    assertThat(read.action()).isEqualTo(CookieUpdate.Action.NONE);
    assertThat(read.setCookieHeaders()).isEmpty();
    assertThat(read.varyCookie()).isTrue();
  }

  @Test
  void permanentSession_getsExpiresFromTheLifetime() {
    CookieUpdate update = request(new InMemoryStore(CONFIG), new CookieJar(), session -> {
      session.put("user_id", 1);
      session.setPermanent(true);
    });
    assertThat(update.setCookieHeaders().get(0)).contains("; Expires=Fri, 15 Dec 2023 22:13:20 GMT;");
  }

  @Test
  void logout_clearsTheEntry_andDeletesTheCookieAsWerkzeugDoes() {
    InMemoryStore store = new InMemoryStore(CONFIG);
    CookieJar jar = new CookieJar();
    request(store, jar, session -> session.put("user_id", 1));
    CookieUpdate logout = request(store, jar, Session::clear);

    assertThat(logout.action()).isEqualTo(CookieUpdate.Action.DELETE);
    assertThat(logout.setCookieHeaders()).containsExactly("session=; Domain=example.com;"
        + " Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Secure; HttpOnly; Path=/; SameSite=Lax");
    assertThat(store.entries).isEmpty();
    assertThat(jar.all()).isEmpty();
  }

  @Test
  void unknownId_isAFreshSessionUnderANewId() {
    InMemoryStore store = new InMemoryStore(CONFIG);
    CookieJar jar = new CookieJar().put("session", "chosen-by-an-attacker");
    request(store, jar, session -> assertThat(session).isEmpty());
    request(store, jar, session -> session.put("user_id", 1));
    assertThat(jar.get("session")).isNotEqualTo("chosen-by-an-attacker");
    assertThat(store.entries).containsOnlyKeys(jar.get("session"));
  }
}
