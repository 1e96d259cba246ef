package dev.flagon.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Starts async cycles that write the cookie before {@code complete()} or {@code dispatch()}, and, when the
 * HttpSession view is on, answers {@code getSession} with the cookie session.
 */
final class FlagonRequest extends HttpServletRequestWrapper {
  private final RequestState state;
  private final FlagonResponse response;

  FlagonRequest(HttpServletRequest request, FlagonResponse response, RequestState state) {
    super(request);
    this.response = response;
    this.state = state;
  }

  RequestState state() {
    return state;
  }

  /** Starts with these wrappers, so that writes through {@link AsyncContext#getResponse()} are seen. */
  @Override
  public AsyncContext startAsync() {
    return startAsync(this, response);
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    AsyncContext context = new SavingAsyncContext(super.startAsync(request, response), state);
    context.addListener(new SafetyNet(state));
    state.asyncContext(context);
    return context;
  }

  @Override
  public AsyncContext getAsyncContext() {
    AsyncContext context = state.asyncContext();
    return context != null ? context : super.getAsyncContext();
  }

  @Override
  public HttpSession getSession(boolean create) {
    if (!state.httpSessionView()) {
      return super.getSession(create);
    }
    return state.httpSession(create, getServletContext());
  }

  @Override
  public HttpSession getSession() {
    return getSession(true);
  }

  @Override
  public String changeSessionId() {
    if (!state.httpSessionView()) {
      return super.changeSessionId();
    }
    return state.changeSessionId();
  }

  /** Saves before the cycle ends: on completion, and before handing the response to a dispatch. */
  private static final class SavingAsyncContext implements AsyncContext {
    private final AsyncContext inner;
    private final RequestState state;

    SavingAsyncContext(AsyncContext inner, RequestState state) {
      this.inner = inner;
      this.state = state;
    }

    @Override
    public void complete() {
      save();
      inner.complete();
    }

    @Override
    public void dispatch() {
      save();
      inner.dispatch();
    }

    @Override
    public void dispatch(String path) {
      save();
      inner.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
      save();
      inner.dispatch(context, path);
    }

    private void save() {
      try {
        state.beforeCommit();
      } catch (IOException e) {
        throw new IllegalStateException("Could not answer 500 for an oversized session cookie", e);
      }
    }

    @Override
    public ServletRequest getRequest() {
      return inner.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
      return inner.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
      return inner.hasOriginalRequestAndResponse();
    }

    @Override
    public void start(Runnable run) {
      inner.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
      inner.addListener(listener);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
      inner.addListener(listener, request, response);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
      return inner.createListener(type);
    }

    @Override
    public void setTimeout(long timeout) {
      inner.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
      return inner.getTimeout();
    }
  }

  /**
   * Saves on a timeout or an error while the container can still send its error page, and on completion
   * logs a session the code changed too late.
   */
  static final class SafetyNet implements AsyncListener {
    private final RequestState state;

    SafetyNet(RequestState state) {
      this.state = state;
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
      state.beforeCommit();
    }

    @Override
    public void onError(AsyncEvent event) throws IOException {
      state.beforeCommit();
    }

    @Override
    public void onComplete(AsyncEvent event) throws IOException {
      state.finish();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // startAsync through FlagonRequest adds a new SafetyNet
    }
  }
}
