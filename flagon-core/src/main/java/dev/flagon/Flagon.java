package dev.flagon;

import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.BadSignatureException;
import dev.flagon.codec.Verified;
import dev.flagon.internal.CookieCarrier;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Opens and saves Flask-compatible sessions: every session rule of Flask 3.1 lives here, so that web
 * integrations only translate HTTP objects to and from {@link #open} and {@link #save}. Immutable and
 * thread-safe: build one per application.
 *
 * <pre>{@code
 * Flagon flagon = Flagon.create(FlagonConfig.fromEnvironment());
 * Session session = flagon.open(request.headers("Cookie"));
 * session.put("user_id", 12345);
 * CookieUpdate update = flagon.save(session);
 * update.setCookieHeaders().forEach(v -> response.addHeader("Set-Cookie", v));
 * if (update.varyCookie()) response.addHeader("Vary", "Cookie");
 * }</pre>
 *
 * <p>The cookie's value is in its {@link CookieFormat} ({@code SESSION_FORMAT}, Flask's signed token by default),
 * in one cookie or split over several ({@link SizePolicy}). A {@link SessionValidator} can revoke a verified
 * cookie. See docs/security.md.
 *
 * <p>Logging goes through {@link System.Logger} {@code dev.flagon}: DEBUG when a cookie is rejected, WARNING
 * for an oversized cookie under {@link SizePolicy#WARN}; never a cookie value, a key or session data.
 */
public final class Flagon implements SessionInterface {
  /**
   * Longest cookie value read, in characters (per chunk under {@link SizePolicy#SPLIT}): a Flagon limit, as
   * browsers keep about 4 KiB per cookie and servers refuse Cookie headers past 8 to 16 KiB.
   */
  public static final int MAX_COOKIE_VALUE_LENGTH = 16 * 1024;

  private final FlagonConfig config;
  private final CookieFormat format;
  private final CookieCarrier carrier;
  private final int maxValueLength;
  private final SessionValidator validator;
  private final System.Logger log;

  /** With a given logger: tests record what is logged. */
  Flagon(FlagonConfig config, System.Logger log) {
    this.config = Objects.requireNonNull(config, "config");
    this.format = FlagonSettings.Providers.format(config);
    boolean split = config.sizePolicy() == SizePolicy.SPLIT;
    this.carrier = new CookieCarrier(config.sessionCookie(), split, config.maxCookieSize(),
        split ? config.maxChunks() : 1, MAX_COOKIE_VALUE_LENGTH);
    this.maxValueLength = MAX_COOKIE_VALUE_LENGTH * carrier.cookies();
    this.validator = config.sessionValidator().orElse(null);
    this.log = log;
  }

  /** A Flagon for this configuration; keys are derived here, once. */
  public static Flagon create(FlagonConfig config) {
    return new Flagon(config, System.getLogger("dev.flagon"));
  }

  /** The configuration. */
  public FlagonConfig config() {
    return config;
  }

  @Override
  public String cookieName() {
    return config.cookieName();
  }

  /**
   * Opens the session from the request's {@code Cookie} header values, read as Werkzeug reads them; the
   * first session cookie wins (as in Flask). A missing, tampered or expired cookie gives a fresh session
   * (and a DEBUG line without the value). Opening does not mark the session accessed.
   *
   * @throws BadPayloadException if the cookie is validly signed but not a session ({@link #openCookieValue})
   */
  @Override
  public Session open(List<String> cookieHeaderValues) {
    CookieCarrier.Incoming incoming = carrier.read(cookieHeaderValues == null ? List.of() : cookieHeaderValues);
    if (incoming.problem() != null) {
      rejected(incoming.problem()); // and the value is null: a fresh session
    }
    Session session = openCookieValue(incoming.value());
    session.storeState = incoming.state(); // the split chunks the request carried, for saving
    return session;
  }

  /** {@link #open(List)} over one or more {@code Cookie} header values (null ones are skipped). */
  public Session open(String... cookieHeaderValues) {
    return open(cookieHeaderValues == null ? List.of() : Arrays.asList(cookieHeaderValues));
  }

  /**
   * Opens the session from the session cookie's value ({@code null} for none). The verified payload must be
   * a JSON object or {@code null} (an empty session). Deliberately stricter than Flask, whose
   * {@code dict(value)} also takes a list of pairs, which only a key holder can produce and no Flask writes.
   *
   * @throws BadPayloadException if the cookie is validly signed but its payload is not a session
   */
  public Session openCookieValue(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty()) {
      return emptySession();
    }
    if (cookieValue.length() > maxValueLength) {
      rejected("BadSignature: longer than " + maxValueLength + " characters, a Flagon limit");
      return emptySession();
    }
    Verified verified;
    try {
      // millis(): the system clock answers it without building an Instant; any clock gives the same second
      verified = format.open(cookieValue, Math.floorDiv(config.clock().millis(), 1000));
    } catch (BadSignatureException e) {
      rejected(e.kind() + ": " + e.getMessage());
      return emptySession();
    }
    Session session = Session.load(config.taggedJson(), verified.payload(), cookieValue.length());
    if (validator != null && !validator.isValid(Collections.unmodifiableMap(session.data()),
        Instant.ofEpochSecond(verified.signedAt()))) {
      rejected("revoked by the SessionValidator");
      return emptySession();
    }
    if (verified.reissue() || (config.reissueOnFallback() && verified.keyIndex() > 0)) {
      session.markModified(); // re-issued with the current key (and format) on this response
    }
    return session;
  }

  private Session emptySession() {
    return new Session(new LinkedHashMap<>(), config.taggedJson());
  }

  private void rejected(String why) {
    log.log(Level.DEBUG, () -> "Ignored the '" + config.cookieName() + "' cookie (" + why
        + "); using a fresh session");
  }

  /**
   * What the response needs for this session, by Flask's rules: set when modified (or permanent with
   * refresh on), delete when a modified session is empty, {@code Vary: Cookie} when accessed, set or
   * deleted, {@code Expires} only for permanent sessions; one clock reading for timestamp and Expires.
   * Saving changes nothing in the session, so calling it again is harmless.
   *
   * @throws CookieTooLargeException if the header exceeds {@code MAX_COOKIE_SIZE} and the policy refuses it
   * @throws UnsupportedValueException naming the key path of a nested value tagged JSON cannot write
   * @throws dev.flagon.json.TaggedJsonException if it cannot be serialized for another reason
   */
  @Override
  public CookieUpdate save(Session session) {
    boolean permanent = session.permanentFlag(); // false when empty: there is no _permanent
    if (!session.isModified() && !(permanent && config.refreshEachRequest())) {
      return CookieUpdate.none(session.isAccessed());
    }
    Map<String, Object> data = session.data();
    if (data.isEmpty()) {
      return CookieUpdate.checked(CookieUpdate.Action.DELETE, carrier.delete(session.storeState()), data, config, log);
    }
    Instant now = config.clock().instant();
    String value = format.seal(session.dump(), now.getEpochSecond());
    Instant expires = permanent ? now.plus(config.permanentSessionLifetime()) : null;
    List<String> headers = carrier.set(value, expires, session.storeState());
    return CookieUpdate.checked(CookieUpdate.Action.SET, headers, data, config, log);
  }

  @Override
  public String toString() {
    return "Flagon[" + config + "]";
  }
}
