package dev.flagon.servlet;

import static dev.flagon.servlet.Servlets.LOGIN;
import static dev.flagon.servlet.Servlets.LOGIN_VALUE;
import static dev.flagon.servlet.Servlets.servlet;
import static dev.flagon.servlet.TestServer.setCookies;
import static dev.flagon.servlet.TestServer.vary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.Session;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every point where a response can commit carries the cookie written before it, on a real Jetty. */
class CommitPointsIT {
  private static final int LARGE = 200 * 1024;
  private static TestServer server;

  private static void login(jakarta.servlet.http.HttpServletRequest request) {
    FlagonFilter.session(request).put("user_id", 12345);
  }

  @BeforeAll
  static void start() throws Exception {
    Map<String, HttpServlet> routes = Map.ofEntries(
        Map.entry("/index", servlet((req, resp) -> {
          Session session = FlagonFilter.session(req);
          resp.getWriter().write(session.contains("user_id") ? "user " + session.get("user_id") : "anonymous");
        })),
        Map.entry("/send-error", servlet((req, resp) -> {
          login(req);
          resp.sendError(404);
        })),
        Map.entry("/large", servlet((req, resp) -> {
          login(req);
          byte[] chunk = new byte[8 * 1024];
          Arrays.fill(chunk, (byte) 'x');
          ServletOutputStream out = resp.getOutputStream();
          for (int i = 0; i < LARGE / chunk.length; i++) {
            out.write(chunk);
          }
        })),
        Map.entry("/stream", servlet((req, resp) -> {
          login(req);
          PrintWriter writer = resp.getWriter();
          writer.write("a");
          writer.flush();
          writer.write("b");
          writer.flush();
        })),
        Map.entry("/content-length", servlet((req, resp) -> {
          login(req);
          resp.setContentLength(5);
          resp.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
        })),
        Map.entry("/throw", servlet((req, resp) -> {
          login(req);
          throw new IllegalStateException("boom");
        })),
        Map.entry("/no-body", servlet((req, resp) -> {
          login(req);
          resp.setStatus(204);
        })),
        Map.entry("/flush-buffer", servlet((req, resp) -> {
          login(req);
          resp.flushBuffer();
        })),
        Map.entry("/close", servlet((req, resp) -> {
          login(req);
          resp.getOutputStream().close();
        })),
        Map.entry("/println", servlet((req, resp) -> {
          login(req);
          resp.getWriter().println();
        })),
        Map.entry("/printf", servlet((req, resp) -> {
          login(req);
          resp.getWriter().printf("%d users", 1);
        })),
        Map.entry("/reset", servlet((req, resp) -> {
          FlagonFilter.session(req).put("user_id", 1);
          resp.getWriter().write("x");
          resp.reset();
          login(req);
          resp.getWriter().write("y");
        })),
        Map.entry("/late", servlet((req, resp) -> {
          resp.getWriter().write("body");
          resp.flushBuffer();
          login(req);
        })),
        Map.entry("/late-unflushed", servlet((req, resp) -> {
          resp.getWriter().write("body");
          login(req);
        })),
        Map.entry("/behind-filter", servlet((req, resp) -> {
          // code that unwraps the response commits it where the filter cannot see
          jakarta.servlet.ServletResponse raw = ((jakarta.servlet.ServletResponseWrapper) resp).getResponse();
          raw.getOutputStream().write("raw".getBytes(StandardCharsets.US_ASCII));
          raw.flushBuffer();
          login(req);
        })),
        Map.entry("/login-permanent", servlet((req, resp) -> {
          FlagonFilter.session(req).setPermanent(true);
          login(req);
          resp.sendRedirect("/index");
        })),
        Map.entry("/static-stream", servlet((req, resp) -> {
          ServletOutputStream out = resp.getOutputStream();
          out.write("static".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        })),
        Map.entry("/vary-merge", servlet((req, resp) -> {
          resp.setHeader("Vary", "Accept-Encoding");
          FlagonFilter.session(req).contains("user_id");
          resp.getWriter().write("ok");
        })),
        Map.entry("/vary-present", servlet((req, resp) -> {
          resp.addHeader("Vary", "Accept-Encoding");
          resp.addHeader("Vary", "cookie");
          FlagonFilter.session(req).contains("user_id");
          resp.getWriter().write("ok");
        })));
    server = TestServer.start(new FilterHolder(new FlagonFilter(Servlets.flagon())), routes, c -> { });
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void sendError_afterSessionWrite_cookieOnErrorResponse() throws Exception {
    HttpResponse<String> response = server.get("/send-error");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(setCookies(response)).containsExactly(LOGIN);
  }

  @Test
  void largeBody_sessionWrittenBeforeBody_cookieSurvivesEarlyFlush() throws Exception {
    HttpResponse<String> response = server.get("/large");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).hasSize(LARGE);
    assertThat(setCookies(response)).containsExactly(LOGIN);
    assertThat(vary(response)).containsExactly("Cookie");
  }

  @Test
  void streaming_explicitFlushes_cookieBeforeFirstChunk() throws Exception {
    HttpResponse<String> response = server.get("/stream");

    assertThat(response.body()).isEqualTo("ab");
    assertThat(setCookies(response)).containsExactly(LOGIN);
  }

  @Test
  void contentLength_writtenExactly_cookieSet() throws Exception {
    HttpResponse<String> response = server.get("/content-length");

    assertThat(response.body()).isEqualTo("hello");
    assertThat(response.headers().firstValue("Content-Length")).hasValue("5");
    assertThat(setCookies(response)).containsExactly(LOGIN);
  }

  @Test
  void servletThrows_afterSessionWrite_cookieOn500() throws Exception {
    HttpResponse<String> response = server.get("/throw");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(setCookies(response)).containsExactly(LOGIN);
  }

  @Test
  void responseNeverFlushed_sessionWritten_cookieSetWhenFilterReturns() throws Exception {
    HttpResponse<String> response = server.get("/no-body");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(setCookies(response)).containsExactly(LOGIN);
    assertThat(vary(response)).containsExactly("Cookie");
  }

  @Test
  void flushBuffer_afterSessionWrite_cookieSet() throws Exception {
    assertThat(setCookies(server.get("/flush-buffer"))).containsExactly(LOGIN);
  }

  @Test
  void outputStreamClosed_withoutBody_cookieSet() throws Exception {
    assertThat(setCookies(server.get("/close"))).containsExactly(LOGIN);
  }

  @Test
  void writerPrintln_asFirstOutput_cookieSet() throws Exception {
    HttpResponse<String> response = server.get("/println");

    assertThat(response.body()).isEqualTo(System.lineSeparator());
    assertThat(setCookies(response)).containsExactly(LOGIN);
  }

  @Test
  void writerPrintf_asFirstOutput_cookieSet() throws Exception {
    HttpResponse<String> response = server.get("/printf");

    assertThat(response.body()).isEqualTo("1 users");
    assertThat(setCookies(response)).containsExactly(LOGIN);
  }

  @Test
  void responseReset_afterCookieWritten_cookieWrittenAgainWithLatestSession() throws Exception {
    HttpResponse<String> response = server.get("/reset");

    assertThat(response.body()).isEqualTo("y");
    assertThat(setCookies(response)).containsExactly(LOGIN);
  }

  @Test
  void sessionChanged_afterCommit_logsWarningNamingPathAndSendsNoCookie() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      HttpResponse<String> response = server.get("/late");

      assertThat(response.body()).isEqualTo("body");
      assertThat(setCookies(response)).isEmpty();
      assertThat(logs.await(Level.WARNING, "/late")).contains("changed after");
    }
  }

  @Test
  void sessionChanged_afterFirstWriteBeforeCommit_logsWarning() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      HttpResponse<String> response = server.get("/late-unflushed");

      assertThat(setCookies(response)).isEmpty();
      logs.await(Level.WARNING, "/late-unflushed");
    }
  }

  @Test
  void responseCommittedBehindFilter_sessionWritten_logsWarningNamingPath() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      HttpResponse<String> response = server.get("/behind-filter");

      assertThat(response.body()).isEqualTo("raw");
      assertThat(setCookies(response)).isEmpty();
      assertThat(logs.await(Level.WARNING, "/behind-filter")).contains("committed before");
    }
  }

  @Test
  void permanentSession_routeNeverTouchingSession_refreshedBeforeFirstWrite() throws Exception {
    List<String> permanent = setCookies(server.get("/login-permanent"));
    assertThat(permanent).singleElement().asString().contains("; Expires=");
    String value = permanent.get(0).substring("session=".length(), permanent.get(0).indexOf(';'));

    HttpResponse<String> response = server.get("/static-stream", "session=" + value);

    assertThat(response.body()).isEqualTo("static");
    assertThat(setCookies(response)).isEqualTo(permanent); // fixed clock: the same timestamp and Expires
    assertThat(vary(response)).containsExactly("Cookie");
  }

  @Test
  void nonPermanentSession_routeNeverTouchingSession_noCookieNoVary() throws Exception {
    HttpResponse<String> response = server.get("/static-stream", "session=" + LOGIN_VALUE);

    assertThat(setCookies(response)).isEmpty();
    assertThat(vary(response)).isEmpty();
  }

  @Test
  void cookieHeaders_sessionInSecondHeader_opened() throws Exception {
    HttpResponse<String> response = server.get("/index", "other=1", "session=" + LOGIN_VALUE);

    assertThat(response.body()).isEqualTo("user 12345");
    assertThat(setCookies(response)).isEmpty();
    assertThat(vary(response)).containsExactly("Cookie");
  }

  @Test
  void varyHeader_setByServlet_cookieMergedIntoIt() throws Exception {
    assertThat(vary(server.get("/vary-merge"))).containsExactly("Accept-Encoding, Cookie");
  }

  @Test
  void varyHeader_alreadyNamingCookie_leftAsItIs() throws Exception {
    assertThat(vary(server.get("/vary-present"))).containsExactly("Accept-Encoding", "cookie");
  }

  @Test
  void servletThrows_withErrorPage_cookieAndVaryOnErrorPage() throws Exception {
    try (TestServer withErrorPages = withErrorPages()) {
      HttpResponse<String> response = withErrorPages.get("/throw");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("sorry 500");
      assertThat(setCookies(response)).containsExactly(LOGIN);
      // Jetty drops Vary with the content headers before the error dispatch; the filter restores it
      assertThat(vary(response)).containsExactly("Cookie");
    }
  }

  @Test
  void sendError_withErrorPage_cookieAndVaryOnErrorPage() throws Exception {
    try (TestServer withErrorPages = withErrorPages()) {
      HttpResponse<String> response = withErrorPages.get("/send-error");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).isEqualTo("sorry 404");
      assertThat(setCookies(response)).containsExactly(LOGIN);
      assertThat(vary(response)).containsExactly("Cookie");
    }
  }

  private static TestServer withErrorPages() throws Exception {
    Map<String, HttpServlet> routes = Map.of(
        "/throw", servlet((req, resp) -> {
          login(req);
          throw new IllegalStateException("boom");
        }),
        "/send-error", servlet((req, resp) -> {
          login(req);
          resp.sendError(404);
        }),
        "/error-page", servlet((req, resp) -> resp.getWriter().write(
            "sorry " + req.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE))));
    return TestServer.start(new FilterHolder(new FlagonFilter(Servlets.flagon())), routes, context -> {
      ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
      errors.addErrorPage(500, "/error-page");
      errors.addErrorPage(404, "/error-page");
      context.setErrorHandler(errors);
    });
  }

  @Test
  void cookieTooLarge_errorPolicy_answers500AndLogs() throws Exception {
    Flagon small = Flagon.create(Servlets.config().maxCookieSize(100).build());
    Map<String, HttpServlet> routes = Map.of("/big", servlet((req, resp) -> {
      // random letters: a repeated one would compress below the limit
      String blob = new java.util.Random(1).ints(300, 'a', 'z' + 1)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      FlagonFilter.session(req).put("blob", blob);
      resp.getWriter().write("never sent");
    }));
    try (LogCapture logs = new LogCapture();
        TestServer tooSmall = TestServer.start(new FilterHolder(new FlagonFilter(small)), routes, c -> { })) {
      HttpResponse<String> response = tooSmall.get("/big");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).doesNotContain("never sent");
      assertThat(setCookies(response)).isEmpty();
      assertThat(logs.await(Level.SEVERE, "/big")).contains("blob");
    }
  }
}
