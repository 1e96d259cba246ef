package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.CookieUpdate;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.SessionStoreException;
import dev.flagon.redis.testing.RedisServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flask-Session's rules of RedisSessionInterface on a real redis-server (the live Flask-Session tests are in flagon-demo). */
class RedisSessionInterfaceIT {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private RedisServer redis;
  private RedisSessionInterface sessions;

  @BeforeEach
  void start() {
    redis = RedisServer.start();
    sessions = create(Map.of());
  }

  @AfterEach
  void stop() {
    sessions.close();
    redis.close();
  }

  private RedisSessionInterface create(Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>(Map.of("SECRET_KEY", "interface-test-secret-key-0123456789",
        "SESSION_TYPE", "redis", "SESSION_REDIS", redis.url(), "PERMANENT_SESSION_LIFETIME", 3600));
    settings.putAll(extra);
    FlagonConfig config = FlagonConfig.builder().putAll(settings).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    return (RedisSessionInterface) SessionInterface.create(config);
  }

  private static String cookieValue(CookieUpdate update) {
    String header = update.setCookieHeaders().get(0);
    return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
  }

  private List<String> cookie(String value) {
    return List.of("session=" + value);
  }

  @Test
  void noCookie_emptyPermanentSession_nothingStoredOrSent() {
    Session session = sessions.open(List.of());
    assertThat(session.toMap()).containsExactly(Map.entry("_permanent", true));
    CookieUpdate update = sessions.save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.NONE);
    assertThat(update.varyCookie()).isTrue(); // toMap() accessed it
    assertThat(redis.command("DBSIZE")).isEqualTo(0L);
  }

  @Test
  void put_storedWithTheLifetimeAsTtl_cookieCarriesTheIdWithExpires_readBack() {
    Session session = sessions.open(List.of());
    session.put("user_id", 12345);
    CookieUpdate update = sessions.save(session);
    String id = cookieValue(update);
    assertThat(update.setCookieHeaders()).containsExactly("session=" + id
        + "; Expires=Fri, 02 Jan 2026 04:04:05 GMT; HttpOnly; Path=/");
    assertThat(id).matches("[A-Za-z0-9_-]{43}");
    assertThat((Long) redis.command("TTL", "session:" + id)).isBetween(3590L, 3600L);
    Session again = sessions.open(cookie(id));
    assertThat(again.toMap()).containsExactly(Map.entry("_permanent", true), Map.entry("user_id", 12345));
  }

  @Test
  void unknownOrForgedId_newSessionWithANewId_neverTheClients() {
    Session session = sessions.open(cookie("attacker-chosen-id"));
    session.put("k", "v");
    String id = cookieValue(sessions.save(session));
    assertThat(id).isNotEqualTo("attacker-chosen-id");
    assertThat(redis.command("EXISTS", "session:attacker-chosen-id")).isEqualTo(0L);
  }

  @Test
  void clear_deletesTheEntryAndTheCookie_asWerkzeugsDeleteCookie() {
    String id = saved(Map.of("user_id", 1));
    Session session = sessions.open(cookie(id));
    session.clear();
    assertThat(session.toMap()).containsExactly(Map.entry("_permanent", true)); // Flask-Session keeps it
    CookieUpdate update = sessions.save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.DELETE);
    assertThat(update.setCookieHeaders()).containsExactly(
        "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
    assertThat(redis.command("EXISTS", "session:" + id)).isEqualTo(0L);
  }

  @Test
  void regenerate_newIdStored_oldEntryDeleted() {
    String id = saved(Map.of("user_id", 1));
    Session session = sessions.open(cookie(id));
    sessions.regenerate(session);
    assertThat(redis.command("EXISTS", "session:" + id)).isEqualTo(0L);
    String newId = cookieValue(sessions.save(session));
    assertThat(newId).isNotEqualTo(id);
    assertThat(sessions.open(cookie(newId)).get("user_id")).isEqualTo(1);
  }

  @Test
  void unmodified_refreshOn_permanentRewritesEntryAndCookie_browserSessionOnlyTheEntry() {
    String id = saved(Map.of("user_id", 1));
    redis.command("EXPIRE", "session:" + id, "10");
    CookieUpdate permanent = sessions.save(sessions.open(cookie(id)));
    assertThat(permanent.action()).isEqualTo(CookieUpdate.Action.SET);
    assertThat((Long) redis.command("TTL", "session:" + id)).isGreaterThan(3000L);

    Session browser = sessions.open(cookie(id));
    browser.setPermanent(false);
    CookieUpdate set = sessions.save(browser);
    assertThat(set.setCookieHeaders().get(0)).doesNotContain("Expires");
    redis.command("EXPIRE", "session:" + id, "10");
    CookieUpdate none = sessions.save(sessions.open(cookie(id)));
    assertThat(none.action()).isEqualTo(CookieUpdate.Action.NONE);
    assertThat((Long) redis.command("TTL", "session:" + id)).isGreaterThan(3000L);
  }

  @Test
  void signer_cookieCarriesTheSignedId_tamperedGivesANewSession() {
    sessions.close();
    sessions = create(Map.of("SESSION_USE_SIGNER", true));
    Session session = sessions.open(List.of());
    session.put("user_id", 7);
    String signed = cookieValue(sessions.save(session));
    String id = signed.substring(0, signed.indexOf('.'));
    assertThat(redis.command("EXISTS", "session:" + id)).isEqualTo(1L);
    assertThat(sessions.open(cookie(signed)).get("user_id")).isEqualTo(7);
    assertThat(sessions.open(cookie(id)).containsKey("user_id")).isFalse();
  }

  @Test
  void redisStopped_openAndSaveThrow_neverAnEmptySession_andTheDataSurvivesARestart() {
    String id = saved(Map.of("user_id", 1));
    Session session = sessions.open(cookie(id));
    session.put("user_id", 2);
    redis.stop();
    assertThatThrownBy(() -> sessions.open(cookie(id))).isInstanceOf(SessionStoreException.class)
        .hasMessageContaining(redis.url().replace("redis://", "")).hasMessageNotContaining(id);
    assertThatThrownBy(() -> sessions.save(session)).isInstanceOf(SessionStoreException.class);
    redis.restart();
    assertThat(awaitOpen(id).get("user_id")).isEqualTo(1);
  }

  @Test
  void migrateCookie_aFlaskCookieSession_becomesARedisSessionWithItsData_elseANewOne() {
    Map<String, Object> settings = Map.of("SECRET_KEY", "interface-test-secret-key-0123456789",
        "PERMANENT_SESSION_LIFETIME", 3600);
    dev.flagon.Flagon cookies = dev.flagon.Flagon.create(FlagonConfig.builder().putAll(settings)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
    Session old = cookies.open(List.of());
    old.put("user_id", 42);
    String flaskCookie = cookies.save(old).setCookieHeaders().get(0).split(";")[0].substring("session=".length());

    assertThat(sessions.open(cookie(flaskCookie)).containsKey("user_id")).as("off by default").isFalse();
    sessions.close();
    sessions = create(Map.of("SESSION_MIGRATE_COOKIE", true));
    Session session = sessions.open(cookie(flaskCookie));
    assertThat(session.toMap()).containsExactly(Map.entry("_permanent", true), Map.entry("user_id", 42));
    String id = cookieValue(sessions.save(session));
    assertThat(id).matches("[A-Za-z0-9_-]{43}");
    assertThat(sessions.open(cookie(id)).get("user_id")).isEqualTo(42);
    assertThat(sessions.open(cookie(flaskCookie + "x")).containsKey("user_id")).as("tampered").isFalse();
  }

  /** Lettuce reconnects in the background: wait for that external event, bounded. */
  private Session awaitOpen(String id) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return sessions.open(cookie(id));
      } catch (SessionStoreException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
      }
    }
  }

  private String saved(Map<String, Object> data) {
    Session session = sessions.open(List.of());
    session.putAll(data);
    return cookieValue(sessions.save(session));
  }
}
