package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebServerTest {
  /** Sessions holding a resource, as a Redis client does; counts how often they were closed. */
  private static final class ClosingSessions implements SessionInterface, AutoCloseable {
    final SessionInterface cookies = Flagon.create(DemoApp.configFromEnvironment(Map.of()));
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public String cookieName() {
      return cookies.cookieName();
    }

    @Override
    public Session open(List<String> cookieHeaderValues) {
      return cookies.open(cookieHeaderValues);
    }

    @Override
    public CookieUpdate save(Session session) {
      return cookies.save(session);
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  @Test
  void stoppingTheServerClosesSessionsThatHoldResources() throws Exception {
    ClosingSessions sessions = new ClosingSessions();
    WebServer server = WebServer.start("127.0.0.1", 0, context -> WebServer.addSessionFilter(context, sessions));
    assertThat(sessions.closed).hasValue(0);

    server.close();

    assertThat(sessions.closed).hasValue(1);
  }
}
