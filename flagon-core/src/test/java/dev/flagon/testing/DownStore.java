package dev.flagon.testing;

import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.SessionStoreException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-side store that is down, for every integration's 503 tests: opening a request that carries
 * {@link #COOKIE} fails, as reading the store would; every save fails, as writing it would. Other requests
 * open as the given {@link Flagon} opens them. Counts the saves attempted.
 */
public final class DownStore implements SessionInterface {
  /** The {@code Cookie} header of a request whose session lives in the store. */
  public static final String COOKIE = "session=stored-session-id";

  private final Flagon flagon;
  private final AtomicInteger saves = new AtomicInteger();

  /** A store that is down, named {@code session} as {@code flagon}'s cookie must be. */
  public DownStore(Flagon flagon) {
    this.flagon = flagon;
  }

  /** How many saves were attempted. */
  public int saves() {
    return saves.get();
  }

  @Override
  public String cookieName() {
    return flagon.cookieName();
  }

  @Override
  public Session open(List<String> cookieHeaderValues) {
    if (cookieHeaderValues.stream().anyMatch(header -> header.contains(COOKIE))) {
      throw new SessionStoreException("redis://127.0.0.1:1 did not answer within 1000 ms", null);
    }
    return flagon.open(cookieHeaderValues);
  }

  @Override
  public CookieUpdate save(Session session) {
    saves.incrementAndGet();
    throw new SessionStoreException("redis://127.0.0.1:1 refused the write", null);
  }
}
