package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.CookieUpdate;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.SessionStoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests against a {@link RedisSessionInterface} while Redis fails over: each opens a stored session by its
 * cookie and saves it with a new visit count. A request is either served with the stored data or fails with
 * {@link SessionStoreException} (the 503 path): an empty session in place of a stored one fails the test.
 */
final class FailoverTraffic implements AutoCloseable {
  private final RedisSessionInterface sessions;
  private final Map<String, String> users = new LinkedHashMap<>(); // session id -> the user stored in it
  private final Map<String, Integer> visits = new LinkedHashMap<>(); // session id -> the last visit saved
  private int refused;

  FailoverTraffic(String redisUrl, boolean cluster) {
    this.sessions = RedisSessionInterface.create(FlagonConfig.builder().putAll(Map.of(
        "SECRET_KEY", "failover-test-secret-key-0123456789", "SESSION_TYPE", "redis", "SESSION_REDIS", redisUrl,
        "SESSION_REDIS_CLUSTER", cluster)).build());
  }

  /** Stores a new session for {@code user} and returns its id (the cookie's value). */
  String saveNew(String user) {
    Session session = sessions.open(List.of());
    session.put("user", user);
    CookieUpdate update = sessions.save(session);
    String header = update.setCookieHeaders().get(0);
    String id = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    users.put(id, user);
    return id;
  }

  /** The stored sessions' ids, in the order they were saved. */
  List<String> ids() {
    return List.copyOf(users.keySet());
  }

  /**
   * One request for the session {@code id}: opened, checked, saved with {@code visit}.
   *
   * @return whether it was served; false when Redis refused it (SessionStoreException)
   */
  boolean request(String id, int visit) {
    Session session;
    try {
      session = sessions.open(List.of("session=" + id));
    } catch (SessionStoreException e) {
      refused++;
      return false;
    }
    assertThat(session.get("user")).as("session %s opened while Redis fails over: the stored one or a 503,"
        + " never an empty session", id).isEqualTo(users.get(id));
    Integer before = visits.get(id);
    if (before != null) { // saved before this request: a later save may only have failed, not gone back in time
      assertThat((Integer) session.get("visit")).as("session %s's visit", id).isGreaterThanOrEqualTo(before);
    }
    session.put("visit", visit);
    try {
      CookieUpdate update = sessions.save(session);
      assertThat(update.setCookieHeaders()).as("the cookie keeps the session's id").hasSize(1)
          .allSatisfy(h -> assertThat(h).startsWith("session=" + id + ";"));
    } catch (SessionStoreException e) {
      refused++;
      return false;
    }
    visits.put(id, visit);
    return true;
  }

  /**
   * One request for each stored session in turn, starting at a different one each visit, up to the first
   * refused one; whether all were served.
   */
  boolean round(int visit) {
    List<String> ids = ids();
    for (int i = 0; i < ids.size(); i++) {
      if (!request(ids.get((visit + i) % ids.size()), visit)) {
        return false; // a refusal may have cost a whole timeout: spend no more on this round
      }
    }
    return true;
  }

  /** How many requests Redis refused so far (each a 503 in an integration). */
  int refused() {
    return refused;
  }

  /** The last visit a served request saved for {@code id}. */
  int lastVisit(String id) {
    return visits.get(id);
  }

  /** The session {@code id} as the serializer reads {@code stored}, the raw bytes of its Redis entry. */
  static Map<String, Object> decode(byte[] stored) {
    return MsgSpecSerializer.of(SerializationFormat.MSGPACK).decode(stored);
  }

  @Override
  public void close() {
    sessions.close();
  }
}
