package dev.flagon.javalin;

import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.SessionLifecycle;
import dev.flagon.SessionStoreException;
import io.javalin.config.JavalinState;
import io.javalin.config.Key;
import io.javalin.http.Context;
import io.javalin.plugin.ContextPlugin;
import io.javalin.plugin.PluginPriority;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Collections;
import java.util.Objects;

/**
 * Flask-compatible sessions for Javalin 7, for any {@link SessionInterface} (by default {@link Flagon}'s
 * signed cookie). Register it once; every handler then reaches the request's session through
 * {@code ctx.with(FlagonPlugin.class)} (or {@link #session(Context)}):
 *
 * <pre>{@code
 * Flagon flagon = Flagon.create(FlagonConfig.fromEnvironment());
 * Javalin app = Javalin.create(config -> {
 *   config.registerPlugin(new FlagonPlugin(flagon));
 *   config.routes.get("/login", ctx -> {
 *     ctx.with(FlagonPlugin.class).put("user_id", 12345);
 *     ctx.redirect("/");
 *   });
 * });
 * }</pre>
 *
 * <p>Each request drives one {@link SessionLifecycle}: the session opens on first access from every
 * {@code Cookie} header, in order, and is saved once after the handlers, the error handlers and every other
 * after-handler, also when a handler threw or set an error status (Flask saves on its 500 pages too); a
 * permanent session the route never touched is refreshed. A validly signed cookie that is not a session
 * fails {@link #session(Context)} (Flask's 500) and is logged and left alone on a route that never uses it;
 * a {@link SessionStoreException} is answered with 503, a cookie too large under the {@code ERROR} policy
 * with 500. A handler that commits the response itself (writing past the buffer of
 * {@code ctx.outputStream()}, flushing, server-sent events) must change the session before that: a later
 * change is logged at WARNING with the request path ({@code dev.flagon.javalin}). {@code ctx.result} with a
 * stream and {@code ctx.future} are fine, as Javalin writes their result after the after-handlers.
 *
 * <p>Immutable and thread-safe.
 */
public final class FlagonPlugin extends ContextPlugin<Void, Session> {
  private static final Key<FlagonPlugin> KEY = new Key<>(FlagonPlugin.class.getName());
  private static final String ATTRIBUTE = SessionLifecycle.class.getName();
  private static final System.Logger LOG = System.getLogger("dev.flagon.javalin");

  private final SessionInterface sessions;

  /** A plugin that opens and saves sessions with these sessions (a {@link Flagon}, say). */
  public FlagonPlugin(SessionInterface sessions) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  /**
   * The session of this request, opened on first call; the same as {@code ctx.with(FlagonPlugin.class)}.
   *
   * @throws io.javalin.plugin.PluginNotRegisteredException if the plugin is not registered
   * @throws dev.flagon.codec.BadPayloadException if the cookie is validly signed but not a session (500)
   */
  public static Session session(Context ctx) {
    return ctx.with(FlagonPlugin.class);
  }

  /** The request's lifecycle, where an extension registers its {@link SessionLifecycle.BeforeSave} hook. */
  public static SessionLifecycle lifecycle(Context ctx) {
    return ctx.appData(KEY).lifecycleOf(ctx);
  }

  /** The sessions this plugin uses. */
  public SessionInterface sessions() {
    return sessions;
  }

  /** Called by Javalin for {@code ctx.with(FlagonPlugin.class)}: the request's session. */
  @Override
  public Session createExtension(Context ctx) {
    return lifecycleOf(ctx).session();
  }

  /**
   * Answers a {@link SessionStoreException} with 503, unless the application maps it itself; makes Jetty's
   * header cache case-sensitive, which by default hands a {@code Cookie} differing from an earlier one on the
   * connection only in letter case to the application as that earlier value.
   */
  @Override
  public void onInitialize(JavalinState state) {
    state.appData(KEY, this);
    state.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
    state.routes.exception(SessionStoreException.class, (e, ctx) -> lifecycleOf(ctx).answerStoreFailure(e));
  }

  /**
   * Adds the after-handler that saves the session, once the application's routes are configured so that
   * it runs after the application's after-handlers (which may still use the session).
   */
  @Override
  public void onStart(JavalinState state) {
    state.routes.after(ctx -> lifecycleOf(ctx).finish());
  }

  /** Late, so that the saving after-handler also follows the after-handlers of other plugins. */
  @Override
  public PluginPriority priority() {
    return PluginPriority.LATE;
  }

  private SessionLifecycle lifecycleOf(Context ctx) {
    SessionLifecycle lifecycle = ctx.attribute(ATTRIBUTE);
    if (lifecycle == null) {
      lifecycle = new SessionLifecycle(sessions, Collections.list(ctx.req().getHeaders("Cookie")), ctx.path(),
          new ContextResponse(ctx), LOG);
      ctx.attribute(ATTRIBUTE, lifecycle);
    }
    return lifecycle;
  }

  /** The response as the lifecycle writes to it: headers on the servlet response, errors as results. */
  private static final class ContextResponse extends HttpServletResponseWrapper
      implements SessionLifecycle.Response {
    private final Context ctx;

    ContextResponse(Context ctx) {
      super(ctx.res());
      this.ctx = ctx;
    }

    @Override
    public void answerError(int status) {
      ctx.status(status).result(ctx.status().getMessage());
    }
  }
}
