package dev.flagon.demo;

import dev.flagon.SessionStoreException;
import dev.flagon.login.CsrfConfig;
import dev.flagon.login.CsrfException;
import dev.flagon.login.CsrfProtect;
import dev.flagon.login.CurrentLogin;
import dev.flagon.login.LoginConfig;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginOptions;
import dev.flagon.login.LoginRequest;
import dev.flagon.login.LoginUser;
import dev.flagon.login.servlet.FlaskLoginFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;

/**
 * The conformance server's Flask-Login and Flask-WTF routes, written as the Flask app beside them (a user
 * loader that accepts any id; {@code flagon-demo/src/test/python/login_app.py}):
 * <pre>
 * /auth/login?id=ID&amp;remember=0|1&amp;fresh=0|1   login_user; body "ok" (remember off, fresh on by default)
 * /auth/whoami                            "user ID fresh=true|false" or "anonymous", as current_user sees it
 * /auth/logout                            logout_user; body "ok"
 * /auth/fresh                             401 unless login_fresh(), else "ok" (fresh_login_required)
 * /csrf/token                             generate_csrf()
 * /csrf/check?token=T                     validate_csrf(T): "ok", or 400 with Flask-WTF's message
 * </pre>
 */
final class AuthServlet extends HttpServlet {
  private static final System.Logger LOG = System.getLogger(AuthServlet.class.getName());

  /** Whoever the id names: the conformance server trusts any id, as its Flask twin does. */
  record User(String id) implements LoginUser {}

  private final transient LoginManager<User> logins;

  private AuthServlet(LoginManager<User> logins) {
    this.logins = logins;
  }

  /**
   * Mounts {@link FlaskLoginFilter} (after the session filter, which must be added first) and these routes,
   * with the Flask-Login and Flask-WTF settings of a Flask config, on this clock; nothing without a
   * {@code SECRET_KEY}, which signs remember cookies and CSRF tokens.
   *
   * @throws IllegalArgumentException naming a Flask-Login or Flask-WTF setting that is invalid
   */
  static void mount(ServletContextHandler context, Map<String, Object> flaskConfig, Clock clock) {
    if (flaskConfig.get("SECRET_KEY") == null) {
      return;
    }
    LoginManager<User> logins = LoginManager.create(LoginConfig.fromMap(flaskConfig),
        id -> Optional.of(new User(id)), clock);
    CsrfProtect csrf = CsrfProtect.create(CsrfConfig.fromMap(flaskConfig), clock);
    // Only these paths: Flask-Login reads the session on every response, which would add Vary: Cookie to
    // the catalog's routes, whose Flask app has no Flask-Login.
    String[] paths = {"/auth/*", "/csrf/*"};
    FilterHolder filter = new FilterHolder(new FlaskLoginFilter(logins, csrf));
    filter.setName("flask-login");
    FilterMapping filterPaths = new FilterMapping();
    filterPaths.setFilterName(filter.getName());
    filterPaths.setPathSpecs(paths);
    filterPaths.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
    context.getServletHandler().addFilter(filter, filterPaths);
    ServletHolder routes = new ServletHolder(new AuthServlet(logins));
    routes.setName("auth-routes");
    ServletMapping routePaths = new ServletMapping();
    routePaths.setServletName(routes.getName());
    routePaths.setPathSpecs(paths);
    context.getServletHandler().addServlet(routes);
    context.getServletHandler().addServletMapping(routePaths);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    try {
      route(path, FlaskLoginFilter.current(request), QueryString.parse(request.getQueryString()), response);
    } catch (QueryString.MissingParameterException e) {
      response.resetBuffer();
      FlaskResponses.error(response, HttpServletResponse.SC_BAD_REQUEST);
    } catch (SessionStoreException e) {
      throw e; // the session filter answers 503
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "answering 500 for " + path, e);
      response.resetBuffer();
      FlaskResponses.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
  }

  private void route(String path, LoginRequest auth, QueryString query, HttpServletResponse response)
      throws IOException {
    CurrentLogin<User> login = auth.login(logins);
    switch (path) {
      case "/auth/login" -> {
        LoginOptions options = LoginOptions.DEFAULT.withRemember("1".equals(query.get("remember", "0")))
            .withFresh(!"0".equals(query.get("fresh", "1")));
        login.loginUser(new User(query.require("id")), options);
        FlaskResponses.ok(response, "ok");
      }
      case "/auth/whoami" -> FlaskResponses.ok(response, login.user()
          .map(user -> "user " + user.id() + " fresh=" + login.isFresh()).orElse("anonymous"));
      case "/auth/logout" -> {
        login.logoutUser();
        FlaskResponses.ok(response, "ok");
      }
      case "/auth/fresh" -> {
        if (login.user().isPresent() && login.isFresh()) {
          FlaskResponses.ok(response, "ok");
        } else {
          FlaskResponses.error(response, HttpServletResponse.SC_UNAUTHORIZED);
        }
      }
      case "/csrf/token" -> FlaskResponses.ok(response, auth.csrf().token());
      case "/csrf/check" -> {
        try {
          auth.csrf().validate(query.get("token", null));
          FlaskResponses.ok(response, "ok");
        } catch (CsrfException e) {
          FlaskResponses.send(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
      }
      default -> FlaskResponses.error(response, HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
