package dev.flagon.login.javalin;

import dev.flagon.javalin.FlagonPlugin;
import dev.flagon.login.CsrfProtect;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginRequest;
import dev.flagon.login.servlet.ServletRequestView;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.ContextPlugin;
import java.util.Objects;

/**
 * Flask-Login (and optionally Flask-WTF) for Javalin 7, over whatever session {@link FlagonPlugin} keeps:
 * Flask-Login's {@code init_app}. Register it beside {@code FlagonPlugin}; handlers reach the request's
 * login with {@code ctx.with(FlaskLoginPlugin.class)}. Every request begins its login in a before-handler,
 * so the remember cookie is set, refreshed or deleted just before the session is saved. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * config.registerPlugin(new FlagonPlugin(flagon));
 * config.registerPlugin(new FlaskLoginPlugin(logins, csrf));
 * config.routes.get("/me", ctx -> ctx.result(ctx.with(FlaskLoginPlugin.class).login().user()
 *     .map(LoginUser::id).orElse("anonymous")));
 * }</pre>
 */
public final class FlaskLoginPlugin extends ContextPlugin<Void, LoginRequest> {
  private static final String ATTRIBUTE = LoginRequest.class.getName();

  private final LoginManager<?> logins;
  private final CsrfProtect csrf;

  /** Flask-Login only. */
  public FlaskLoginPlugin(LoginManager<?> logins) {
    this(logins, null);
  }

  /** Flask-Login and Flask-WTF's CSRF tokens ({@link LoginRequest#csrf()}); {@code csrf} may be null. */
  public FlaskLoginPlugin(LoginManager<?> logins, CsrfProtect csrf) {
    this.logins = Objects.requireNonNull(logins, "logins");
    this.csrf = csrf;
  }

  /** Called by Javalin for {@code ctx.with(FlaskLoginPlugin.class)}: the request's login. */
  @Override
  public LoginRequest createExtension(Context ctx) {
    LoginRequest login = ctx.attribute(ATTRIBUTE);
    if (login == null) {
      login = LoginRequest.begin(logins, csrf, FlagonPlugin.lifecycle(ctx), ServletRequestView.of(ctx.req()));
      ctx.attribute(ATTRIBUTE, login);
    }
    return login;
  }

  /** Begins every request's login before its handlers. */
  @Override
  public void onInitialize(JavalinState state) {
    state.routes.before(this::createExtension);
  }

  @Override
  public String toString() {
    return "FlaskLoginPlugin[" + logins + "]";
  }
}
