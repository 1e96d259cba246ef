package dev.flagon.servlet;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.Session;
import dev.flagon.Setting;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Jakarta Servlet filter that keeps a Flask-compatible session in a signed cookie. The session opens on
 * first use in a request ({@link #session(ServletRequest)}) and the cookie is written once, just before the
 * response can commit:
 * <ul>
 *   <li>before the first byte or character of the body, and before any flush or close of the output
 *       stream or writer (a full buffer or a reached content length only ever follows a write);
 *   <li>before {@code sendRedirect}, {@code sendError} and {@code flushBuffer};
 *   <li>before an async {@code complete()} or {@code dispatch()}, and on an async timeout or error;
 *   <li>for a response that never flushed, when the request leaves the filter;
 *   <li>when the servlet throws, before the exception reaches the container: Flask saves the session on its
 *       500 page too.
 * </ul>
 * So change the session before writing the body, as in Flask, where the session is saved before the body
 * is sent. A change after the cookie was written (also in the target of an async dispatch or in an error
 * page) cannot reach the client: it is logged as a WARNING on the {@code System.Logger}
 * {@code dev.flagon.servlet}, naming the request path, never silently dropped.
 *
 * <p>Every session rule is Flask's, applied by {@link Flagon}: the filter only reads the {@code Cookie}
 * headers and adds the raw {@code Set-Cookie} headers (never {@code jakarta.servlet.http.Cookie}, which
 * cannot say {@code Partitioned}) and {@code Cookie} to {@code Vary}, merged into an existing
 * {@code Vary}. A permanent session is refreshed on every response, even where the code never touches it
 * ({@code SESSION_REFRESH_EACH_REQUEST}).
 *
 * <p>Configure from code ({@code new FlagonFilter(flagon)}) or from {@code web.xml} init-params with
 * Flask's names over {@code FLAGON_}-prefixed environment variables, each read as
 * {@link dev.flagon.FlagonConfig#fromEnvironment} reads it ({@code null} unsets). Map it to {@code /*}
 * for the {@code REQUEST}, {@code ERROR} and {@code ASYNC} dispatcher types, with async support on:
 *
 * <pre>{@code
 * FilterHolder holder = new FilterHolder(new FlagonFilter(flagon));   // embedded Jetty
 * holder.setAsyncSupported(true);
 * context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
 *
 * <filter>                                                             <!-- web.xml -->
 *   <filter-name>flagon</filter-name>
 *   <filter-class>dev.flagon.servlet.FlagonFilter</filter-class>
 *   <async-supported>true</async-supported>
 *   <init-param><param-name>SESSION_COOKIE_SAMESITE</param-name><param-value>Lax</param-value></init-param>
 * </filter>
 * <filter-mapping>
 *   <filter-name>flagon</filter-name><url-pattern>/*</url-pattern>
 *   <dispatcher>REQUEST</dispatcher><dispatcher>ERROR</dispatcher><dispatcher>ASYNC</dispatcher>
 * </filter-mapping>
 * }</pre>
 *
 * <p>Error pages: Jetty removes the content headers, {@code Vary} among them, before it renders an error;
 * {@code Set-Cookie} stays. With an error page mapped, the {@code ERROR} dispatch through this filter puts
 * {@code Vary: Cookie} back; Jetty's built-in error page goes out without it.
 *
 * <p>Size policy {@code ERROR}: a cookie larger than {@code MAX_COOKIE_SIZE} turns the response into a 500
 * ({@code sendError}) if it is not committed yet, drops the body written after that point, and is logged
 * as an ERROR naming the largest keys. A signed cookie whose payload is not a session
 * ({@link dev.flagon.codec.BadPayloadException}) fails {@link #session(ServletRequest)}, as Flask answers
 * 500; on a route that never uses the session it is left alone and logged.
 *
 * <p>The filter targets Servlet 6.0; the {@code sendRedirect} overloads added in Servlet 6.1 are not
 * intercepted.
 */
public final class FlagonFilter implements Filter {
  /**
   * The init-param that turns on the {@link jakarta.servlet.http.HttpSession} view
   * ({@code true}/{@code false}, default false); see {@link #withHttpSessionView(Flagon)}. Read from the
   * init-params only: it is about how the application's code is written, not about the deployment.
   */
  public static final String HTTP_SESSION_VIEW = "FLAGON_HTTP_SESSION_VIEW";

  private final Map<String, String> environment;
  private volatile Flagon flagon;
  private volatile boolean httpSessionView;

  /**
   * A filter configured at {@link #init} from its init-params, which have Flask's names, over this
   * process's {@code FLAGON_}-prefixed environment variables with the prefix removed (init-params win).
   */
  public FlagonFilter() {
    this(System.getenv());
  }

  FlagonFilter(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * A filter for an existing {@link Flagon}; init-params other than {@value #HTTP_SESSION_VIEW} are ignored.
   *
   * @param flagon the sessions' configuration and rules
   */
  public FlagonFilter(Flagon flagon) {
    this.environment = Map.of();
    this.flagon = Objects.requireNonNull(flagon, "flagon");
  }

  /**
   * A filter for an existing {@link Flagon} under which {@code request.getSession()} answers an
   * {@link jakarta.servlet.http.HttpSession} backed by the cookie session, for existing servlet code.
   * Attributes map to the session's keys. {@code getSession(false)} answers null while the cookie session
   * is empty. {@code invalidate()} clears the session, so the cookie is deleted, but cannot revoke copies
   * of the old cookie. {@code getId()} is a random value per request (a cookie session has no
   * server-side id), {@code isNew()} is always false, session listeners never fire, creation and access
   * times are not tracked (both are this request's time), and {@code setMaxInactiveInterval} does nothing:
   * the lifetime is {@code PERMANENT_SESSION_LIFETIME}. Values must be ones Flask's tagged JSON carries.
   *
   * @param flagon the sessions' configuration and rules
   * @return a filter with the view on
   */
  public static FlagonFilter withHttpSessionView(Flagon flagon) {
    FlagonFilter filter = new FlagonFilter(flagon);
    filter.httpSessionView = true;
    return filter;
  }

  /**
   * The session of this request, opened on first call from the request's {@code Cookie} headers.
   *
   * @param request the request, or any wrapper of it, in a request, error or async dispatch
   * @return the session; the same object for the whole request
   *
   * @throws IllegalStateException if the request did not pass through a {@link FlagonFilter}
   * @throws dev.flagon.codec.BadPayloadException if the cookie is validly signed but not a session (Flask
   *     answers 500)
   */
  public static Session session(ServletRequest request) {
    if (request instanceof FlagonRequest wrapped) {
      return wrapped.state().session(); // the request this filter passed on: no attribute lookup
    }
    Object state = request.getAttribute(RequestState.ATTRIBUTE);
    if (!(state instanceof RequestState)) {
      throw new IllegalStateException("This request did not pass through FlagonFilter: map the filter to"
          + " this path for the REQUEST, ERROR and ASYNC dispatcher types");
    }
    return ((RequestState) state).session();
  }

  /**
   * Reads the configuration, unless the filter was given a {@link Flagon}.
   *
   * @throws ServletException wrapping the core's message if the configuration is invalid, for example
   *     without {@code SECRET_KEY}
   */
  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    Map<String, String> params = new HashMap<>();
    for (String name : Collections.list(filterConfig.getInitParameterNames())) {
      params.put(name, filterConfig.getInitParameter(name));
    }
    String view = params.remove(HTTP_SESSION_VIEW);
    if (view != null) {
      if (!view.equalsIgnoreCase("true") && !view.equalsIgnoreCase("false")) {
        throw new ServletException(HTTP_SESSION_VIEW + " must be true or false");
      }
      httpSessionView |= Boolean.parseBoolean(view);
    }
    if (flagon != null) {
      return;
    }
    // The core's rows, read as every entry point reads them: init-params win over FLAGON_ variables.
    Map<String, Object> config = Setting.fromEnvironment(FlagonSettings.all(), environment);
    config.putAll(Setting.fromNames(FlagonSettings.all(), params));
    try {
      flagon = Flagon.create(FlagonConfig.fromMap(config));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ServletException("FlagonFilter " + filterConfig.getFilterName() + ": " + e.getMessage(), e);
    }
  }

  /** The sessions' configuration and rules: given, or read at {@link #init}; null before that. */
  Flagon flagon() {
    return flagon;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest httpRequest = (HttpServletRequest) request;
    HttpServletResponse httpResponse = (HttpServletResponse) response;
    Object existing = request.getAttribute(RequestState.ATTRIBUTE);
    RequestState state;
    if (existing instanceof RequestState) {
      state = (RequestState) existing; // an error or async dispatch of a request already seen
    } else {
      Flagon configured = flagon;
      if (configured == null) {
        throw new ServletException("FlagonFilter was not initialized");
      }
      state = new RequestState(configured, httpSessionView, httpRequest, httpResponse);
      request.setAttribute(RequestState.ATTRIBUTE, state);
    }
    if (!state.enter()) {
      try {
        chain.doFilter(request, response); // a forward or include inside a dispatch already wrapped
      } finally {
        state.exit();
      }
      return;
    }
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      state.restoreOn(httpResponse);
    }
    FlagonResponse wrappedResponse = new FlagonResponse(httpResponse, state);
    FlagonRequest wrappedRequest = new FlagonRequest(httpRequest, wrappedResponse, state);
    try {
      chain.doFilter(wrappedRequest, wrappedResponse);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      // Flask saves the session on its 500 page too: add the cookie while the container can send it.
      try {
        state.finish();
      } catch (IOException | RuntimeException saveFailure) {
        e.addSuppressed(saveFailure);
      }
      throw e;
    } finally {
      state.exit();
    }
    if (!request.isAsyncStarted()) {
      state.finish();
    } else if (state.asyncContext() == null) {
      // started on the unwrapped request: at least tell, on completion, what the session lost
      request.getAsyncContext().addListener(new FlagonRequest.SafetyNet(state));
    }
  }
}
