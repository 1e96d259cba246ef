package dev.flagon.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** An embedded Jetty 12 (ee10) on an ephemeral loopback port, with a FlagonFilter in front of servlets. */
final class TestServer implements AutoCloseable {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  private final Server server;
  private final ServletContextHandler context;
  private final URI base;

  private TestServer(Server server, ServletContextHandler context, URI base) {
    this.server = server;
    this.context = context;
    this.base = base;
  }

  /** Starts a server with this filter on /* for REQUEST, ERROR and ASYNC and these servlets by path. */
  static TestServer start(Filter filter, Map<String, HttpServlet> servlets) throws Exception {
    return start(new FilterHolder(filter), servlets, context -> { });
  }

  static TestServer start(FilterHolder filter, Map<String, HttpServlet> servlets,
      java.util.function.Consumer<ServletContextHandler> customizer) throws Exception {
    return start(filter, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC),
        servlets, customizer);
  }

  static TestServer start(FilterHolder filter, EnumSet<DispatcherType> dispatcherTypes,
      Map<String, HttpServlet> servlets, java.util.function.Consumer<ServletContextHandler> customizer)
      throws Exception {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setHeaderCacheCaseSensitive(true); // as docs/security.md asks: a Cookie is read as sent
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", dispatcherTypes);
    servlets.forEach((path, servlet) -> {
      ServletHolder holder = new ServletHolder(servlet);
      holder.setAsyncSupported(true);
      context.addServlet(holder, path);
    });
    customizer.accept(context);
    server.setHandler(context);
    server.start();
    URI base = URI.create("http://" + connector.getHost() + ":" + connector.getLocalPort());
    return new TestServer(server, context, base);
  }

  ServletContextHandler context() {
    return context;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  String baseUrl() {
    return base.toString();
  }

  /** GETs a path, sending each given value as one {@code Cookie} header. */
  HttpResponse<String> get(String path, String... cookieHeaders) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    for (String cookie : cookieHeaders) {
      request.header("Cookie", cookie);
    }
    return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<String> setCookies(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie");
  }

  static List<String> vary(HttpResponse<?> response) {
    return response.headers().allValues("Vary");
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
