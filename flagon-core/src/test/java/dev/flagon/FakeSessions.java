package dev.flagon;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SessionInterface} for lifecycle tests: Flask's rules from a real {@link Flagon} (fixed clock),
 * counting opens and saves, and failing either on demand as a store or a bad cookie would.
 */
final class FakeSessions implements SessionInterface {
  static final String SECRET = "lifecycle-test-secret-9f3b2c7d1e";

  final AtomicInteger opens = new AtomicInteger();
  final AtomicInteger saves = new AtomicInteger();
  volatile RuntimeException openFailure;
  volatile RuntimeException saveFailure;
  private final Flagon flagon;

  FakeSessions(FlagonConfig.Builder config) {
    this.flagon = Flagon.create(config.build());
  }

  FakeSessions() {
    this(config());
  }

  static FlagonConfig.Builder config() {
    return FlagonConfig.builder().secretKey(SECRET)
        .clock(java.time.Clock.fixed(java.time.Instant.ofEpochSecond(1_700_000_000L), java.time.ZoneOffset.UTC));
  }

  /** The {@code Cookie} header a browser sends back for a session holding these values. */
  String cookieFor(Map<String, Object> values, boolean permanent) {
    Session session = flagon.open(List.of());
    session.putAll(values);
    session.setPermanent(permanent);
    String header = flagon.save(session).setCookieHeaders().get(0);
    return header.substring(0, header.indexOf(';'));
  }

  @Override
  public String cookieName() {
    return flagon.cookieName();
  }

  @Override
  public Session open(List<String> cookieHeaderValues) {
    opens.incrementAndGet();
    if (openFailure != null) {
      throw openFailure;
    }
    return flagon.open(cookieHeaderValues);
  }

  @Override
  public CookieUpdate save(Session session) {
    saves.incrementAndGet();
    if (saveFailure != null) {
      throw saveFailure;
    }
    return flagon.save(session);
  }

  /** A response that records headers (names case-insensitive) and the error sent. */
  static final class FakeResponse implements SessionLifecycle.Response {
    final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    volatile boolean committed;
    volatile int error;

    @Override
    public boolean isCommitted() {
      return committed;
    }

    @Override
    public Collection<String> getHeaders(String name) {
      return List.copyOf(headers.getOrDefault(name, List.of()));
    }

    @Override
    public synchronized void addHeader(String name, String value) {
      headers.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
    }

    @Override
    public synchronized void setHeader(String name, String value) {
      headers.put(name, new java.util.ArrayList<>(List.of(value)));
    }

    @Override
    public void answerError(int status) {
      error = status;
      committed = true;
    }

    List<String> all(String name) {
      return headers.getOrDefault(name, List.of());
    }
  }
}
