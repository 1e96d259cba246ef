package dev.flagon.bench.http;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One Jetty 12 server for the HTTP load runs, with the same routes in every variant so only the session
 * mechanism differs (loopback only):
 *
 * <ul>
 *   <li>{@code GET /} (read path): {@code Logged in as user <user_id>} or {@code Not logged in};
 *   <li>{@code GET /write} (write path): stores {@code counter = counter + 1}, so the session is saved on
 *       every request;
 *   <li>{@code GET /login}: stores {@code user_id = 12345} (the memory run's way to make a user);
 *   <li>{@code GET /__heap}: runs a full GC and answers the used heap in bytes (memory run only).
 * </ul>
 *
 * Variants: {@code none} (no session: the baseline; {@code /} answers the logged-in text), {@code
 * httpsession} (Jetty's in-memory {@link HttpSession}, {@code JSESSIONID} cookie), {@code flagon}
 * ({@link FlagonFilter}, the real integration) and {@code flagon-core} ({@code Flagon.open}/{@code save}
 * called by the servlet itself: the filter's own cost is the difference).
 *
 * <p>Usage: {@code BenchServer <variant> <port> [SECRET_KEY]}; prints {@code READY <port>} when listening.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    String variant = args[0];
    int port = Integer.parseInt(args[1]);
    String secretKey = args.length > 2 ? args[2] : "flagon-bench-secret-key";
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);

    boolean sessions = variant.equals("httpsession");
    ServletContextHandler context =
        new ServletContextHandler(sessions ? ServletContextHandler.SESSIONS : ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    Flagon flagon = Flagon.create(FlagonConfig.builder().secretKey(secretKey).build());
    HttpServlet servlet = switch (variant) {
      case "none" -> new NoSession();
      case "httpsession" -> new InMemoryHttpSession();
      case "flagon" -> new WithFilter();
      case "flagon-core" -> new OpenSave(flagon);
      default -> throw new IllegalArgumentException(
          "unknown variant " + variant + ": none, httpsession, flagon, flagon-core");
    };
    if (variant.equals("flagon")) {
      FilterHolder holder = new FilterHolder(new FlagonFilter(flagon));
      holder.setAsyncSupported(true);
      context.addFilter(holder, "/*",
          EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
    }
    context.addServlet(new ServletHolder(servlet), "/*");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + connector.getLocalPort());
    server.join();
  }

  static void answer(HttpServletResponse response, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/plain; charset=utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  static String index(Object userId) {
    return userId == null ? "Not logged in" : "Logged in as user " + userId;
  }

  static int next(Object counter) {
    return counter instanceof Number n ? n.intValue() + 1 : 1;
  }

  /** Full GCs until the used heap stops shrinking, then the used heap in bytes. */
  static String heapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (now >= used) {
        break;
      }
      used = now;
    }
    return Long.toString(used);
  }

  /** The baseline: the same routes with no session at all. */
  static final class NoSession extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      switch (request.getRequestURI()) {
        case "/" -> answer(response, index(12345));
        case "/__heap" -> answer(response, heapAfterGc());
        default -> answer(response, "ok");
      }
    }
  }

  /** Jetty's in-memory sessions. */
  static final class InMemoryHttpSession extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      switch (request.getRequestURI()) {
        case "/" -> {
          HttpSession session = request.getSession(false);
          answer(response, index(session == null ? null : session.getAttribute("user_id")));
        }
        case "/write" -> {
          HttpSession session = request.getSession(true);
          session.setAttribute("counter", next(session.getAttribute("counter")));
          answer(response, "ok");
        }
        case "/login" -> {
          request.getSession(true).setAttribute("user_id", 12345);
          answer(response, "ok");
        }
        case "/__heap" -> answer(response, heapAfterGc());
        default -> response.sendError(404);
      }
    }
  }

  /** Flagon's servlet filter. */
  static final class WithFilter extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      switch (request.getRequestURI()) {
        case "/" -> answer(response, index(FlagonFilter.session(request).get("user_id")));
        case "/write" -> {
          Session session = FlagonFilter.session(request);
          session.put("counter", next(session.get("counter")));
          answer(response, "ok");
        }
        case "/login" -> {
          FlagonFilter.session(request).put("user_id", 12345);
          answer(response, "ok");
        }
        case "/__heap" -> answer(response, heapAfterGc());
        default -> response.sendError(404);
      }
    }
  }

  /** Flagon's core without the filter: open and save around the route, headers added by hand. */
  static final class OpenSave extends HttpServlet {
    private final Flagon flagon;

    OpenSave(Flagon flagon) {
      this.flagon = flagon;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      if (request.getRequestURI().equals("/__heap")) {
        answer(response, heapAfterGc());
        return;
      }
      Session session = flagon.open(request.getHeader("Cookie"));
      String body;
      switch (request.getRequestURI()) {
        case "/" -> body = index(session.get("user_id"));
        case "/write" -> {
          session.put("counter", next(session.get("counter")));
          body = "ok";
        }
        case "/login" -> {
          session.put("user_id", 12345);
          body = "ok";
        }
        default -> {
          response.sendError(404);
          return;
        }
      }
      var update = flagon.save(session);
      for (String header : update.setCookieHeaders()) {
        response.addHeader("Set-Cookie", header);
      }
      if (update.varyCookie()) {
        response.addHeader("Vary", "Cookie");
      }
      answer(response, body);
    }
  }
}
