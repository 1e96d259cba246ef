package dev.flagon.javalin;

import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.codec.BadPayloadException;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** The session state of one request, kept as a request attribute: opened lazily, saved once. */
final class RequestSession {
  private static final String ATTRIBUTE = RequestSession.class.getName();
  private static final System.Logger LOG = System.getLogger(RequestSession.class.getPackageName());

  private final Context ctx;
  private final Flagon flagon;
  private Session session;
  private boolean openFailed;
  private boolean saved;

  private RequestSession(Context ctx, Flagon flagon) {
    this.ctx = ctx;
    this.flagon = flagon;
  }

  /** This request's state, created on first use. */
  static RequestSession of(Context ctx, Flagon flagon) {
    RequestSession state = ctx.attribute(ATTRIBUTE);
    if (state == null) {
      state = new RequestSession(ctx, flagon);
      ctx.attribute(ATTRIBUTE, state);
    }
    return state;
  }

  /** The session, opened on first call from every {@code Cookie} header, in order. */
  Session session() {
    if (session == null) {
      try {
        session = flagon.open(cookieHeaders());
      } catch (RuntimeException e) {
        openFailed = true; // a bad payload: the handler's 500 says it, saving would only repeat it
        throw e;
      }
    }
    return session;
  }

  /** Saves the session into the response, once; opens it first if the request may carry the cookie. */
  void save() {
    if (saved || openFailed) {
      return;
    }
    saved = true;
    if (session == null) {
      if (!mayCarrySessionCookie()) {
        return; // nothing to refresh: an untouched, absent session needs no header
      }
      try {
        session = flagon.open(cookieHeaders()); // a permanent session is refreshed even when unused
      } catch (BadPayloadException e) {
        LOG.log(Level.WARNING, "The session cookie for {0} is signed but unreadable ({1}); it is left"
            + " as it is because the code did not use the session.", ctx.path(), e.getMessage());
        return;
      }
    }
    CookieUpdate update = flagon.save(session);
    if (update.setCookieHeaders().isEmpty() && !update.varyCookie()) {
      return;
    }
    HttpServletResponse response = ctx.res();
    if (response.isCommitted()) {
      if (update.action() != CookieUpdate.Action.NONE) {
        LOG.log(Level.WARNING, "The session changed after the response to {0} was committed; its cookie was"
            + " not sent. Change the session before writing the body.", ctx.path());
      }
      return;
    }
    update.setCookieHeaders().forEach(value -> response.addHeader("Set-Cookie", value));
    if (update.varyCookie()) {
      Vary.addCookie(response);
    }
  }

  private List<String> cookieHeaders() {
    Enumeration<String> values = ctx.req().getHeaders("Cookie");
    return values == null ? List.of() : Collections.list(values);
  }

  /** A cheap superset of "has the session cookie": Flagon.open does the exact parsing. */
  private boolean mayCarrySessionCookie() {
    String name = flagon.config().cookieName();
    return cookieHeaders().stream().anyMatch(value -> value.contains(name));
  }
}
