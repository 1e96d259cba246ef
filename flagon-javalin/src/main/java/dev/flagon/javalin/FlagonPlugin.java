package dev.flagon.javalin;

import dev.flagon.Flagon;
import dev.flagon.Session;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.ContextPlugin;
import io.javalin.plugin.PluginPriority;
import java.util.Objects;

/**
 * Flask-compatible cookie sessions for Javalin 7. Register it once; every handler then reaches the
 * request's session through {@code ctx.with(FlagonPlugin.class)} (or {@link #session(Context)}):
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
 * <p>The session is opened on first access from every {@code Cookie} header of the request, in order.
 * After the handlers, the error handlers and every other after-handler, the plugin saves it once per
 * request, also when a handler threw or set an error status (Flask saves on its 500 pages too), and adds
 * the raw {@code Set-Cookie} headers and {@code Cookie} to {@code Vary}. A route that never touched the
 * session still re-sends a permanent one when {@code SESSION_REFRESH_EACH_REQUEST} is on. A validly signed
 * cookie that is not a session ({@link dev.flagon.codec.BadPayloadException}) fails {@link #session(Context)},
 * as Flask answers 500; on a route that never uses the session it is left alone and logged at WARNING, as
 * the servlet filter does. All session rules are {@link Flagon#open} and {@link Flagon#save}'s; this class only carries HTTP to and from them.
 *
 * <p>A handler that commits the response itself (writing past the buffer of {@code ctx.outputStream()},
 * flushing, server-sent events) must change the session before that: a change made later cannot be sent
 * and is logged at WARNING with the request path. {@code ctx.result(InputStream)} and {@code ctx.future}
 * are fine, as Javalin writes their result after the after-handlers.
 *
 * <p>Immutable and thread-safe, like the {@link Flagon} it wraps.
 */
public final class FlagonPlugin extends ContextPlugin<Void, Session> {
  private final Flagon flagon;

  /** A plugin that opens and saves sessions with this {@link Flagon}. */
  public FlagonPlugin(Flagon flagon) {
    this.flagon = Objects.requireNonNull(flagon, "flagon");
  }

  /**
   * The session of this request, opened on first call; the same as {@code ctx.with(FlagonPlugin.class)}.
   *
   * @throws io.javalin.plugin.PluginNotRegisteredException if the plugin is not registered
   * @throws dev.flagon.codec.BadPayloadException if the cookie is validly signed but not a session (Flask
   *     answers 500 there, and so does Javalin's default exception handler)
   */
  public static Session session(Context ctx) {
    return ctx.with(FlagonPlugin.class);
  }

  /** The {@link Flagon} this plugin uses. */
  public Flagon flagon() {
    return flagon;
  }

  /** Called by Javalin for {@code ctx.with(FlagonPlugin.class)}: the request's session. */
  @Override
  public Session createExtension(Context ctx) {
    return RequestSession.of(ctx, flagon).session();
  }

  /**
   * Adds the after-handler that saves the session. It is added here, once the application's own routes
   * are configured, so that it runs after the application's after-handlers (which may still use the
   * session).
   */
  @Override
  public void onStart(JavalinState state) {
    state.routes.after(ctx -> RequestSession.of(ctx, flagon).save());
  }

  /** Late, so that the saving after-handler also follows the after-handlers of other plugins. */
  @Override
  public PluginPriority priority() {
    return PluginPriority.LATE;
  }
}
