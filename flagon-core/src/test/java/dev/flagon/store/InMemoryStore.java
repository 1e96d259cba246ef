package dev.flagon.store;

import dev.flagon.CookieUpdate;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.WerkzeugCookie;
import dev.flagon.json.TaggedJson;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server-side store in memory with Flask-Session's rules (the cookie carries a random id, the data stays
 * here; an unknown id gets a new one), written against core's public API only: the session cookie's
 * {@link WerkzeugCookie}, {@link Session#of} with the id as store state, and {@link CookieUpdate}'s
 * factories. It proves a store is added without touching {@link dev.flagon.Flagon}.
 */
final class InMemoryStore implements SessionInterface {
  private static final SecureRandom RANDOM = new SecureRandom();

  final Map<String, Map<String, Object>> entries = new ConcurrentHashMap<>();
  private final FlagonConfig config;
  private final WerkzeugCookie cookie;

  InMemoryStore(FlagonConfig config) {
    this.config = config;
    this.cookie = config.sessionCookie();
  }

  @Override
  public String cookieName() {
    return cookie.name();
  }

  @Override
  public Session open(List<String> cookieHeaderValues) {
    String id = WerkzeugCookie.firstValue(cookieHeaderValues, cookie.name());
    Map<String, Object> data = id == null ? null : entries.get(id);
    if (data == null) {
      byte[] random = new byte[32];
      RANDOM.nextBytes(random);
      return Session.of(Map.of(), TaggedJson.standard(), Base64.getUrlEncoder().withoutPadding()
          .encodeToString(random)); // never the client's id: no session fixation
    }
    return Session.of(data, TaggedJson.standard(), id);
  }

  @Override
  public CookieUpdate save(Session session) {
    boolean accessed = session.isAccessed(); // before the reads below, which mark it
    String id = (String) session.storeState();
    if (session.isEmpty()) {
      if (!session.isModified()) {
        return CookieUpdate.none(accessed);
      }
      entries.remove(id);
      return CookieUpdate.delete(List.of(cookie.delete()));
    }
    boolean permanent = session.isPermanent();
    if (!(session.isModified() || (permanent && config.refreshEachRequest()))) {
      return CookieUpdate.none(accessed);
    }
    entries.put(id, session.toMap());
    Instant expires = permanent ? config.clock().instant().plus(config.permanentSessionLifetime()) : null;
    return CookieUpdate.set(List.of(cookie.set(id, expires)));
  }
}
