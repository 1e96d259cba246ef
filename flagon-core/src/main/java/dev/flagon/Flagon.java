package dev.flagon;

import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.BadSignatureException;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>The cookie is Flask's signed one by default, or an encrypted JWE ({@link SessionFormat}); a verified
 * cookie can be revoked by a {@link SessionValidator}; an oversized one refused, warned about, or split
 * ({@link SizePolicy}). See docs/security.md.
 *
 * <p>Logging goes through {@link System.Logger} {@code dev.flagon}: DEBUG when a cookie is rejected, WARNING
 * for an oversized cookie under {@link SizePolicy#WARN}; never a cookie value, a key or session data.
 */
public final class Flagon implements SessionInterface {
  /**
   * Longest cookie value read, in characters (each chunk, under {@link SizePolicy#SPLIT}). A Flagon limit:
   * browsers keep about 4 KiB per cookie and servers refuse Cookie headers past 8 to 16 KiB, so anything
   * longer is refused before any work is done on it.
   */
  public static final int MAX_COOKIE_VALUE_LENGTH = 16 * 1024;

  private final FlagonConfig config;
  private final SessionCodec codec;
  private final SetCookieFormat cookieFormat;
  private final CookieSize cookieSize;
  private final CookieChunks chunks;
  private final int maxValueLength;
  /**
   * With Flask's tags only, a parsed session's map is new, nobody else's, and keyed by strings; a custom tag
   * may return a map it keeps, with any keys.
   */
  private final boolean onlyFlaskTags;
  private final SessionValidator validator;
  private final System.Logger log;

  /** With a given logger: tests record what is logged. */
  Flagon(FlagonConfig config, System.Logger log) {
    this.config = Objects.requireNonNull(config, "config");
    this.codec = new SessionCodec(config);
    this.cookieFormat = new SetCookieFormat(config.cookieAttributes());
    this.cookieSize = new CookieSize(config, log);
    boolean split = config.sizePolicy() == SizePolicy.SPLIT;
    this.chunks = split ? new CookieChunks(config, cookieFormat, MAX_COOKIE_VALUE_LENGTH) : null;
    this.maxValueLength = MAX_COOKIE_VALUE_LENGTH * (split ? config.maxChunks() : 1);
    this.onlyFlaskTags = config.taggedJson() == TaggedJson.standard();
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
   * Opens the session from the request's {@code Cookie} header values, read as Werkzeug reads them. If the
   * session cookie appears more than once, the first wins (as in Flask). A missing, tampered or expired
   * cookie gives a fresh empty session (and a DEBUG log line without the cookie value). Opening does not
   * mark the session accessed: only the application's use does.
   *
   * @throws dev.flagon.codec.BadPayloadException if the cookie is validly signed but its payload is not a
   *     session (Flask answers 500 there); see {@link #openCookieValue}
   */
  @Override
  public Session open(List<String> cookieHeaderValues) {
    List<String> headers = cookieHeaderValues == null ? List.of() : cookieHeaderValues;
    if (chunks == null) {
      return openCookieValue(CookieHeader.firstValue(headers, config.cookieName()));
    }
    CookieChunks.Incoming incoming = chunks.read(headers);
    Session session;
    if (incoming.problem() != null) {
      rejected(incoming.problem());
      session = emptySession();
    } else {
      session = openCookieValue(incoming.value());
    }
    session.incomingChunks(incoming.presentChunks());
    return session;
  }

  /** {@link #open(List)} over one or more {@code Cookie} header values (null ones are skipped). */
  public Session open(String... cookieHeaderValues) {
    return open(cookieHeaderValues == null ? List.of() : Arrays.asList(cookieHeaderValues));
  }

  /**
   * The value of the first cookie with this name in a {@code Cookie} header, read as {@link #open} reads
   * it (Werkzeug's rules), or null if there is none: for tools given a pasted header or {@code name=value}.
   */
  public static String cookieValue(String cookieHeader, String cookieName) {
    return CookieHeader.firstValue(Objects.requireNonNull(cookieHeader, "cookieHeader"),
        Objects.requireNonNull(cookieName, "cookieName"));
  }

  /**
   * Opens the session from the session cookie's value itself ({@code null} for no cookie).
   *
   * <p>The verified payload must be a JSON object (the session) or {@code null} (an empty session, as in
   * Flask). Flagon is deliberately stricter than Flask here: Flask's {@code dict(value)} would also accept a
   * list of pairs (and even {@code ["ab"]}) as a session, which only a holder of the key can produce and no
   * Flask version writes; Flagon rejects them with {@link BadPayloadException}, as it does numbers, strings
   * and booleans (where Flask fails too).
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
    // millis(): the system clock answers it without building an Instant; any clock gives the same second
    long now = Math.floorDiv(config.clock().millis(), 1000);
    SessionCodec.Opened opened;
    try {
      opened = codec.open(cookieValue, now, config.permanentSessionLifetime().getSeconds());
    } catch (BadSignatureException e) {
      rejected(e.kind() + ": " + e.getMessage());
      return emptySession();
    }
    Map<String, Object> data = sessionData(opened.json(), cookieValue.length());
    if (validator != null
        && !validator.isValid(Collections.unmodifiableMap(data), Instant.ofEpochSecond(opened.sealedAt()))) {
      rejected("revoked by the SessionValidator");
      return emptySession();
    }
    Session session = onlyFlaskTags && data instanceof LinkedHashMap<String, Object> parsed
        ? Session.adopting(parsed, config.taggedJson()) : new Session(data, config.taggedJson());
    if (opened.legacyFormat() || (config.reissueOnFallback() && opened.keyIndex() > 0)) {
      session.markModified(); // re-issued with the current key (and format) on this response
    }
    return session;
  }

  private Session emptySession() {
    return new Session(Map.of(), config.taggedJson());
  }

  private void rejected(String why) {
    log.log(Level.DEBUG, () -> "Ignored the '" + config.cookieName() + "' cookie (" + why
        + "); using a fresh session");
  }

  /** The session in a verified payload, read within a budget proportional to the cookie it came in. */
  private Map<String, Object> sessionData(String json, int cookieLength) {
    Object value;
    try {
      value = config.taggedJson().loads(json, cookieLength);
    } catch (TaggedJsonException e) {
      throw new BadPayloadException("the signed payload is not valid tagged JSON: " + e.getMessage(), e);
    }
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new BadPayloadException("the signed payload is not a session: " + TypedValues.describe(value));
    }
    if (!onlyFlaskTags) {
      for (Object key : map.keySet()) {
        if (!(key instanceof String)) {
          throw new BadPayloadException("the signed payload is not a session: a key is not a string");
        }
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) map;
    return data;
  }

  /**
   * What the response needs for this session, by Flask's rules: set when modified (or permanent with
   * refresh on), delete when a modified session is empty, {@code Vary: Cookie} when accessed, set or
   * deleted, {@code Expires} only for permanent sessions. The clock is read once, for both the cookie's
   * timestamp and {@code Expires}. Saving changes nothing in the session, so calling it again is harmless
   * (it gives the same headers, re-signed if the clock moved).
   *
   * @throws CookieTooLargeException if the header would exceed {@code MAX_COOKIE_SIZE} and the policy is
   *     {@link SizePolicy#ERROR}
   * @throws UnsupportedValueException if a value nested in the session's lists or maps is of a type tagged
   *     JSON cannot write (its key path is named)
   * @throws dev.flagon.json.TaggedJsonException if the session cannot be serialized for another reason
   *     (map keys of mixed types, an integer past Python's 4300-digit limit, nesting too deep)
   */
  @Override
  public CookieUpdate save(Session session) {
    boolean accessed = session.isAccessed();
    Map<String, Object> data = session.data();
    if (data.isEmpty()) {
      if (!session.isModified()) {
        return CookieUpdate.none(accessed);
      }
      String header = cookieFormat.delete();
      String warning = cookieSize.check(header, "", Map.of());
      return new CookieUpdate(CookieUpdate.Action.DELETE, withStaleChunks(List.of(header), session, 1), true,
          warning);
    }
    boolean permanent = session.permanentFlag();
    if (!(session.isModified() || (permanent && config.refreshEachRequest()))) {
      return CookieUpdate.none(accessed);
    }
    Instant now = config.clock().instant();
    long lifetime = config.permanentSessionLifetime().getSeconds();
    String value = codec.seal(json(data), now, lifetime);
    Instant expires = permanent ? now.plus(config.permanentSessionLifetime()) : null;
    if (chunks != null) {
      List<String> headers = chunks.set(value, expires);
      if (headers == null) {
        int size = cookieFormat.set(value, expires).length();
        throw new CookieTooLargeException(config.cookieName(), size, config.maxCookieSize(),
            config.maxChunks(), cookieSize.largestKeys(data));
      }
      List<String> all = withStaleChunks(headers, session, headers.size());
      return new CookieUpdate(CookieUpdate.Action.SET, all, true, null);
    }
    String quoted = SetCookieFormat.quoteValue(value);
    String header = cookieFormat.setQuoted(quoted, expires);
    String warning = cookieSize.check(header, quoted, data);
    return new CookieUpdate(CookieUpdate.Action.SET, List.of(header), true, warning);
  }

  private String json(Map<String, Object> data) {
    try {
      return config.taggedJson().dumps(data);
    } catch (TaggedJsonException e) {
      throw SessionValues.explain(e, data, config.taggedJson());
    }
  }

  /** Under {@link SizePolicy#SPLIT}: these headers, then deletions of the request's chunks from index on. */
  private List<String> withStaleChunks(List<String> headers, Session session, int fromIndex) {
    if (chunks == null || session.incomingChunks().isEmpty()) {
      return headers;
    }
    List<String> all = new ArrayList<>(headers);
    all.addAll(chunks.deleteStale(session.incomingChunks(), fromIndex));
    return all;
  }

  @Override
  public String toString() {
    return "Flagon[" + config + "]";
  }
}
