package dev.flagon.demo;

import dev.flagon.SessionInterface;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.EnumSet;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A running embedded Jetty with one servlet context at {@code /}: what the demo and the conformance server
 * share. Close it to stop the server.
 */
public final class WebServer implements AutoCloseable {
  // Flask has no practical header limit; the size-warning vectors send ~5 kB cookies and long query strings.
  private static final int HEADER_BYTES = 64 * 1024;

  private final Server server;
  private final String host;
  private final int port;

  private WebServer(Server server, String host, int port) {
    this.server = server;
    this.host = host;
    this.port = port;
  }

  /**
   * Starts Jetty on {@code host:port} ({@code 0} picks a free port) with the context that {@code setup}
   * fills in. Jetty also stops on JVM shutdown, so Ctrl-C ends it cleanly.
   */
  static WebServer start(String host, int port, Consumer<ServletContextHandler> setup) throws Exception {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(HEADER_BYTES);
    http.setResponseHeaderSize(HEADER_BYTES);
    // Jetty's per-connection header cache ignores case by default: a Cookie differing from an earlier one on
    // the connection only in letter case would be read as that earlier, valid value.
    http.setHeaderCacheCaseSensitive(true);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler("/");
    setup.accept(context);
    server.setHandler(context);
    server.setStopAtShutdown(true);
    try {
      server.start();
    } catch (Exception e) {
      server.stop(); // a failed start (a busy port, say) would otherwise leave Jetty's threads running
      throw e;
    }
    return new WebServer(server, host, connector.getLocalPort());
  }

  /**
   * Maps a {@link FlagonFilter} over the whole context the way its documentation asks: every request,
   * error and async dispatch, with async support on. Sessions that hold resources (a Redis client) are
   * closed when the server stops, so a server started in a test leaves no threads behind.
   */
  static void addSessionFilter(ServletContextHandler context, SessionInterface sessions) {
    FilterHolder holder = new FilterHolder(new FlagonFilter(sessions));
    holder.setAsyncSupported(true);
    context.addFilter(holder, "/*",
        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
    if (sessions instanceof AutoCloseable closeable) {
      context.addEventListener(new ServletContextListener() {
        @Override
        public void contextDestroyed(ServletContextEvent event) {
          try {
            closeable.close();
          } catch (Exception e) {
            throw new IllegalStateException("the sessions did not close cleanly", e);
          }
        }
      });
    }
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** The base URL, without a trailing slash, for example {@code http://127.0.0.1:5000}. */
  public String baseUrl() {
    return "http://" + host + ":" + port;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops the server. @throws IllegalStateException if Jetty fails to stop */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping Jetty", e);
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop cleanly", e);
    }
  }
}
