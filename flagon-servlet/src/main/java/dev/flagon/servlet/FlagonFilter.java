package dev.flagon.servlet;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.SessionLifecycle;
import dev.flagon.Setting;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Jakarta Servlet filter keeping a Flask-compatible session for any {@link SessionInterface} (by default
 * {@link Flagon}'s signed cookie) through one {@link SessionLifecycle} per request: opened on first use,
 * saved once just before the response can commit (the first byte of the body, a flush, a redirect or error,
 * the end of an async cycle, an exception on its way out) or as the request leaves. Change the session
 * before writing the body, as in Flask: a later change is logged (WARNING, {@code dev.flagon.servlet}).
 * Configure it in code or by {@code web.xml} init-params (Flask's names, over {@code FLAGON_} variables);
 * map it to {@code /*} for the REQUEST, ERROR and ASYNC dispatcher types:
 *
 * <pre>{@code
 * FilterHolder holder = new FilterHolder(new FlagonFilter(flagon));   // embedded Jetty
 * holder.setAsyncSupported(true);
 * context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
 * }</pre>
 */
public final class FlagonFilter implements Filter {
  /** The init-param that turns on the HttpSession view ({@link #withHttpSessionView}): true or false. */
  public static final String HTTP_SESSION_VIEW = "FLAGON_HTTP_SESSION_VIEW";
  private static final String ATTRIBUTE = SessionLifecycle.class.getName();
  private static final System.Logger LOG = System.getLogger("dev.flagon.servlet");

  private final Map<String, String> environment;
  private volatile SessionInterface sessions;
  private volatile boolean httpSessionView;

  /** A filter configured at {@link #init} from its init-params over the {@code FLAGON_} variables. */
  public FlagonFilter() {
    this(System.getenv());
  }

  FlagonFilter(Map<String, String> environment) {
    this.environment = environment;
  }

  /** A filter for these sessions (init-params other than {@value #HTTP_SESSION_VIEW} are ignored). */
  public FlagonFilter(SessionInterface sessions) {
    this(Map.of());
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  /** A filter under which {@code request.getSession()} answers the session as an HttpSession. */
  public static FlagonFilter withHttpSessionView(SessionInterface sessions) {
    FlagonFilter filter = new FlagonFilter(sessions);
    filter.httpSessionView = true;
    return filter;
  }

  /** The request's session, opened on first call: see {@link SessionLifecycle#session()}. */
  public static Session session(ServletRequest request) {
    return lifecycle(request).session();
  }

  /** The request's lifecycle (for hooks). @throws IllegalStateException if the filter did not see it */
  public static SessionLifecycle lifecycle(ServletRequest request) {
    Object found = request instanceof SavingRequest wrapped ? wrapped.lifecycle : request.getAttribute(ATTRIBUTE);
    if (!(found instanceof SessionLifecycle lifecycle)) {
      throw new IllegalStateException("This request did not pass through FlagonFilter: map the filter to"
          + " this path for the REQUEST, ERROR and ASYNC dispatcher types");
    }
    return lifecycle;
  }

  /** Reads the configuration, unless the filter was given sessions. @throws ServletException if invalid */
  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    Map<String, String> params = new HashMap<>();
    Collections.list(filterConfig.getInitParameterNames())
        .forEach(name -> params.put(name, filterConfig.getInitParameter(name)));
    httpSessionView |= HttpSessionView.enabledBy(params.remove(HTTP_SESSION_VIEW));
    Map<String, Object> config = Setting.fromEnvironment(FlagonSettings.all(), environment);
    config.putAll(Setting.fromNames(FlagonSettings.all(), params)); // as every entry point: params win
    try {
      // SESSION_TYPE picks the store: Flask's cookie, or Redis with dev.flagon:flagon-redis on the class path
      sessions = sessions != null ? sessions : SessionInterface.create(FlagonConfig.fromMap(config));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ServletException("FlagonFilter " + filterConfig.getFilterName() + ": " + e.getMessage(), e);
    }
  }

  SessionInterface sessions() {
    return sessions;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest httpRequest) || !(response instanceof HttpServletResponse http)
        || request instanceof SavingRequest
        || (request instanceof ServletRequestWrapper wrapper && wrapper.isWrapperFor(SavingRequest.class))) {
      chain.doFilter(request, response); // not HTTP, or a forward, include or dispatch already wrapped
      return;
    }
    SessionLifecycle lifecycle = (SessionLifecycle) request.getAttribute(ATTRIBUTE);
    if (lifecycle == null) {
      lifecycle = new SessionLifecycle(Objects.requireNonNull(sessions, "FlagonFilter was not initialized"),
          Collections.list(httpRequest.getHeaders("Cookie")), httpRequest.getRequestURI(),
          new FlagonResponse(http, null), LOG);
      request.setAttribute(ATTRIBUTE, lifecycle);
    } else if (request.getDispatcherType() == DispatcherType.ERROR) {
      lifecycle.restoreHeaders(); // Jetty removes Vary before an error dispatch
      if (!lifecycle.commit()) {
        chain.doFilter(request, response); // the save failed: the error page goes out as it is
        return;
      }
    }
    FlagonResponse wrappedResponse = new FlagonResponse(http, lifecycle);
    try {
      chain.doFilter(httpSessionView ? new HttpSessionView.Request(httpRequest, wrappedResponse, lifecycle,
          sessions) : new SavingRequest(httpRequest, wrappedResponse, lifecycle), wrappedResponse);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      if (!lifecycle.answerStoreFailure(e)) { // a store failure is answered 503
        try {
          lifecycle.finish(); // Flask saves the session on its 500 page too
        } catch (RuntimeException saveFailure) {
          e.addSuppressed(saveFailure);
        }
        throw e;
      }
    }
    if (request.isAsyncStarted()) { // also when started on the unwrapped request: at least tell what was lost
      request.getAsyncContext().addListener(safetyNet(lifecycle));
    } else {
      lifecycle.finish();
    }
  }

  /** Saves on an async timeout or error, for the error page; on completion tells of a late change. */
  private static AsyncListener safetyNet(SessionLifecycle lifecycle) {
    return new AsyncListener() {
      @Override public void onTimeout(AsyncEvent event) { lifecycle.commit(); }
      @Override public void onError(AsyncEvent event) { lifecycle.commit(); }
      @Override public void onComplete(AsyncEvent event) { lifecycle.finish(); }
      @Override public void onStartAsync(AsyncEvent event) { event.getAsyncContext().addListener(this); }
    };
  }

  /** The request passed on: async cycles save before {@code complete()} or {@code dispatch()}. */
  static class SavingRequest extends HttpServletRequestWrapper {
    final SessionLifecycle lifecycle;
    private final FlagonResponse response;
    private volatile AsyncContext async;

    SavingRequest(HttpServletRequest request, FlagonResponse response, SessionLifecycle lifecycle) {
      super(request);
      this.response = response;
      this.lifecycle = lifecycle;
    }

    /** Starts with these wrappers, so that writes through {@link AsyncContext#getResponse()} are seen. */
    @Override
    public AsyncContext startAsync() {
      return startAsync(this, response);
    }

    /** The Servlet API has no AsyncContext wrapper: a proxy saves before the calls that end the cycle. */
    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
      AsyncContext inner = super.startAsync(request, response);
      async = (AsyncContext) Proxy.newProxyInstance(AsyncContext.class.getClassLoader(),
          new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> {
            if (method.getName().equals("complete") || method.getName().equals("dispatch")) {
              lifecycle.commit();
            }
            try {
              return method.invoke(inner, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      return async;
    }

    @Override public AsyncContext getAsyncContext() { return async != null ? async : super.getAsyncContext(); }
  }
}
