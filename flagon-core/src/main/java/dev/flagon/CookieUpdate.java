package dev.flagon;

import java.util.List;
import java.util.Optional;

/**
 * What a response needs after {@link SessionInterface#save(Session)}: the raw {@code Set-Cookie} header
 * values to add (none, one to set, or one to delete; under {@link SizePolicy#SPLIT} also one per chunk
 * cookie set or deleted) and whether {@code Cookie} must be added to {@code Vary}. A store builds one with
 * {@link #none}, {@link #set} or {@link #delete}, its headers written by {@link WerkzeugCookie}. Immutable.
 */
public final class CookieUpdate {
  /** What happens to the cookie. */
  public enum Action {
    /** Nothing is sent. */
    NONE,
    /** The cookie is set (new value), possibly as several chunk cookies. */
    SET,
    /** The cookie is deleted (emptied session). */
    DELETE
  }

  // Immutable, so the "nothing to send" answers, the commonest, are shared.
  private static final CookieUpdate NOTHING = new CookieUpdate(Action.NONE, List.of(), false, null);
  private static final CookieUpdate NOTHING_VARY = new CookieUpdate(Action.NONE, List.of(), true, null);

  private final Action action;
  private final List<String> setCookieHeaders;
  private final boolean varyCookie;
  private final String sizeWarning;

  CookieUpdate(Action action, List<String> setCookieHeaders, boolean varyCookie, String sizeWarning) {
    this.action = action;
    this.setCookieHeaders = List.copyOf(setCookieHeaders);
    this.varyCookie = varyCookie;
    this.sizeWarning = sizeWarning;
  }

  /** Nothing to send, with {@code Vary: Cookie} if the session was accessed (as Flask's rule). */
  public static CookieUpdate none(boolean varyCookie) {
    return varyCookie ? NOTHING_VARY : NOTHING;
  }

  /** The cookie is set by these {@code Set-Cookie} values, with {@code Vary: Cookie}. */
  public static CookieUpdate set(List<String> setCookieHeaders) {
    return new CookieUpdate(Action.SET, setCookieHeaders, true, null);
  }

  /** The cookie is deleted by these {@code Set-Cookie} values, with {@code Vary: Cookie}. */
  public static CookieUpdate delete(List<String> setCookieHeaders) {
    return new CookieUpdate(Action.DELETE, setCookieHeaders, true, null);
  }

  /** Whether the cookie is set, deleted or left alone. */
  public Action action() {
    return action;
  }

  /** The values of the {@code Set-Cookie} headers to add, in order, byte-identical to Werkzeug's. */
  public List<String> setCookieHeaders() {
    return setCookieHeaders;
  }

  /** Whether the response must carry {@code Vary: Cookie}. */
  public boolean varyCookie() {
    return varyCookie;
  }

  /** Werkzeug's size warning, when the cookie was too large and the policy is {@link SizePolicy#WARN}. */
  public Optional<String> sizeWarning() {
    return Optional.ofNullable(sizeWarning);
  }

  @Override
  public String toString() {
    return "CookieUpdate[" + action + ", vary=" + varyCookie + "]";
  }
}
