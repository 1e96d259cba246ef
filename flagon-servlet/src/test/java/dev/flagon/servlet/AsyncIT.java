package dev.flagon.servlet;

import static dev.flagon.servlet.Servlets.LOGIN;
import static dev.flagon.servlet.Servlets.servlet;
import static dev.flagon.servlet.TestServer.setCookies;
import static dev.flagon.servlet.TestServer.vary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Session;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Async servlets: the cookie is written before complete() and dispatch(), from whichever thread. */
class AsyncIT {
  private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Map<String, HttpServlet> routes = Map.of(
        "/async-write", servlet((req, resp) -> {
          AsyncContext async = req.startAsync();
          WORKERS.execute(() -> {
            try {
              FlagonFilter.session(async.getRequest()).put("user_id", 12345);
              async.getResponse().getWriter().write("done");
              async.getResponse().flushBuffer();
              async.getResponse().getWriter().write(" later");
            } catch (Exception e) {
              throw new IllegalStateException(e);
            } finally {
              async.complete();
            }
          });
        }),
        "/async-complete", servlet((req, resp) -> {
          AsyncContext async = req.startAsync();
          WORKERS.execute(() -> {
            FlagonFilter.session(async.getRequest()).put("user_id", 12345);
            async.complete();
          });
        }),
        "/async-dispatch", servlet((req, resp) -> {
          AsyncContext async = req.startAsync();
          WORKERS.execute(() -> {
            FlagonFilter.session(async.getRequest()).put("user_id", 12345);
            async.dispatch("/view");
          });
        }),
        "/async-dispatch-late", servlet((req, resp) -> {
          AsyncContext async = req.startAsync();
          WORKERS.execute(() -> async.dispatch("/late-view"));
        }),
        "/async-timeout", servlet((req, resp) -> {
          AsyncContext async = req.startAsync();
          async.setTimeout(50);
          FlagonFilter.session(req).put("user_id", 12345); // and never completes
        }),
        "/async-unwrapped", servlet((req, resp) -> {
          // code that starts async on the container's request bypasses the filter's AsyncContext
          AsyncContext async = ((jakarta.servlet.ServletRequestWrapper) req).getRequest().startAsync();
          async.getResponse().getWriter().write("raw");
          async.getResponse().flushBuffer(); // committed before the worker runs, whichever ends first
          WORKERS.execute(() -> {
            FlagonFilter.session(async.getRequest()).put("user_id", 12345);
            async.complete();
          });
        }),
        "/view", servlet((req, resp) -> {
          Session session = FlagonFilter.session(req);
          resp.getWriter().write("view of user " + session.get("user_id"));
        }),
        "/late-view", servlet((req, resp) -> {
          FlagonFilter.session(req).put("user_id", 12345);
          resp.getWriter().write("late");
        }));
    server = TestServer.start(new FilterHolder(new FlagonFilter(Servlets.flagon())), routes, c -> { });
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    WORKERS.shutdownNow();
  }

  @Test
  void asyncServlet_writesFromAnotherThreadThenCompletes_cookieSet() throws Exception {
    HttpResponse<String> response = server.get("/async-write");

    assertThat(response.body()).isEqualTo("done later");
    assertThat(setCookies(response)).containsExactly(LOGIN);
    assertThat(vary(response)).containsExactly("Cookie");
  }

  @Test
  void asyncServlet_completesWithoutBody_cookieSet() throws Exception {
    HttpResponse<String> response = server.get("/async-complete");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(setCookies(response)).containsExactly(LOGIN);
  }

  @Test
  void asyncDispatch_sessionWrittenBeforeDispatch_cookieSetAndTargetSeesSession() throws Exception {
    HttpResponse<String> response = server.get("/async-dispatch");

    assertThat(response.body()).isEqualTo("view of user 12345");
    assertThat(setCookies(response)).containsExactly(LOGIN);
  }

  @Test
  void asyncTimeout_sessionWritten_cookieOnContainersErrorResponse() throws Exception {
    HttpResponse<String> response = server.get("/async-timeout");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(setCookies(response)).containsExactly(LOGIN);
  }

  @Test
  void asyncStartedOnUnwrappedRequest_sessionWritten_logsWarningNamingPath() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      HttpResponse<String> response = server.get("/async-unwrapped");

      assertThat(response.body()).isEqualTo("raw");
      assertThat(setCookies(response)).isEmpty();
      logs.await(Level.WARNING, "/async-unwrapped");
    }
  }

  @Test
  void asyncDispatch_targetChangesSession_logsWarningNamingPath() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      HttpResponse<String> response = server.get("/async-dispatch-late");

      assertThat(response.body()).isEqualTo("late");
      assertThat(setCookies(response)).isEmpty();
      logs.await(Level.WARNING, "/async-dispatch-late");
    }
  }
}
