package dev.flagon.bench;

import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What Flagon's core does for one request of the HTTP runs, without HTTP: the servlet filter's calls on the
 * small login session, from the {@code Cookie} header to the {@code Set-Cookie} header.
 *
 * <ul>
 *   <li>{@code requestRead} ({@code GET /}): open the session from the header, read {@code user_id}, save
 *       (nothing to send but {@code Vary: Cookie});
 *   <li>{@code requestWrite} ({@code GET /write}): open, {@code counter = counter + 1}, save (sign and format
 *       the {@code Set-Cookie} header).
 * </ul>
 *
 * The clock is the cookie's signing time, so the fixed cookie never expires during a run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestBench {
  private Flagon flagon;
  private String cookieHeader;

  @Setup
  public void setUp() {
    BenchSessions sessions = BenchSessions.load();
    Clock clock = Clock.fixed(Instant.ofEpochSecond(sessions.timestamp), ZoneOffset.UTC);
    flagon = Flagon.create(FlagonConfig.builder().secretKey(sessions.secretKey).clock(clock).build());
    cookieHeader = "session=" + sessions.cookie("small"); // what the HTTP runs send
    if (!Integer.valueOf(12345).equals(requestRead())) {
      throw new IllegalStateException("the small session's cookie was not accepted");
    }
    if (requestWrite().setCookieHeaders().size() != 1) {
      throw new IllegalStateException("a changed session was not saved");
    }
  }

  @Benchmark
  public Object requestRead() {
    Session session = flagon.open(cookieHeader);
    Object userId = session.get("user_id");
    CookieUpdate update = flagon.save(session);
    return update.varyCookie() ? userId : null;
  }

  @Benchmark
  public CookieUpdate requestWrite() {
    Session session = flagon.open(cookieHeader);
    Object counter = session.get("counter");
    session.put("counter", counter instanceof Integer n ? n + 1 : 1);
    return flagon.save(session);
  }
}
