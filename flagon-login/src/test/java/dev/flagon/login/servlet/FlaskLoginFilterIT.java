package dev.flagon.login.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.codec.Secret;
import dev.flagon.login.CsrfConfig;
import dev.flagon.login.CsrfException;
import dev.flagon.login.CsrfProtect;
import dev.flagon.login.LoginConfig;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginOptions;
import dev.flagon.login.LoginUser;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link FlaskLoginFilter} behind {@link FlagonFilter} on Jetty 12: one login per request, across dispatches. */
class FlaskLoginFilterIT {
  private static final String KEY = "a servlet test key, not a secret";
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  record User(String id) implements LoginUser {}

  private final LoginManager<User> logins = LoginManager.create(LoginConfig.fromMap(Map.of("SECRET_KEY", KEY)),
      id -> Optional.of(new User(id)));
  private final CsrfProtect csrf = CsrfProtect.create(CsrfConfig.fromMap(Map.of("SECRET_KEY", KEY)));
  private Server server;

  @BeforeEach
  void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    EnumSet<DispatcherType> types = EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    Flagon flagon = Flagon.create(FlagonConfig.builder().secretKey(Secret.fromText(KEY)).build());
    context.addFilter(new FilterHolder(new FlagonFilter(flagon)), "/*", types);
    context.addFilter(new FilterHolder(new FlaskLoginFilter(logins, csrf)), "/*", types);
    context.addServlet(new ServletHolder(new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write(FlaskLoginFilter.current(request).csrf().token());
      }

      @Override
      protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
          FlaskLoginFilter.current(request).csrf().protect();
          response.getWriter().write("ok");
        } catch (CsrfException e) {
          response.setStatus(400);
          response.getWriter().write(e.getMessage());
        }
      }
    }), "/form");
    context.addServlet(new ServletHolder(new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FlaskLoginFilter.current(request).login(logins).loginUser(new User("ann"),
            LoginOptions.DEFAULT.withRemember(true));
        response.sendError(418);
      }
    }), "/login-then-fail");
    context.addServlet(new ServletHolder(new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write("error page for " + FlaskLoginFilter.current(request).login().user()
            .map(LoginUser::id).orElse("anonymous"));
      }
    }), "/error");
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.addErrorPage(418, "/error");
    context.setErrorHandler(errors);
    server.setHandler(context);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void csrfProtect_readsTheTokenFromTheFormBodyOnly() throws Exception {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    HttpResponse<String> form = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/form"))
        .build(), HttpResponse.BodyHandlers.ofString());
    String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String token = form.body();

    assertThat(post("/form", cookie, "name=x&csrf_token=" + token).body()).isEqualTo("ok");
    assertThat(post("/form", cookie, "name=x&login-csrf_token=" + token).body()).as("a prefixed form").isEqualTo("ok");
    assertThat(post("/form?csrf_token=" + token, cookie, "name=x").body()).as("not from the query string")
        .isEqualTo("The CSRF token is missing.");
    assertThat(post("/form?csrf_token=" + token, cookie, "csrf_token=" + token + "x").body())
        .isEqualTo("The CSRF token is invalid.");
  }

  @Test
  void loginThenError_sendsTheRememberCookieAndTheErrorPageSeesTheSameLogin() throws Exception {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/login-then-fail")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(418);
    assertThat(response.body()).isEqualTo("error page for ann");
    assertThat(response.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("remember_token=ann|"))
        .hasSize(1);
  }
}
