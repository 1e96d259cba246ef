package dev.flagon.login;

import dev.flagon.Session;
import dev.flagon.codec.BadDataException;
import dev.flagon.codec.SignatureExpiredException;
import dev.flagon.codec.Verified;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import dev.flagon.login.CsrfException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Flask-WTF's CSRF checks for one request: the signed token to render ({@code generate_csrf}, the same
 * one for the whole request), the check of a given token ({@code validate_csrf}) and the check of the
 * request itself ({@code CSRFProtect.protect}). Not thread-safe: it belongs to one request; get one from
 * {@link CsrfProtect#begin}.
 */
public final class CsrfRequest {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** 9999-12-31T23:59:59Z: verifying "then", with no age limit, accepts any signing time, as Python does. */
  private static final long END_OF_TIME = 253_402_300_799L;

  private final CsrfProtect protect;
  private final CsrfConfig config;
  private final Session session;
  private final RequestView request;
  private String token; // Flask-WTF's g.csrf_token

  CsrfRequest(CsrfProtect protect, Session session, RequestView request) {
    this.protect = protect;
    this.config = protect.config();
    this.session = session;
    this.request = request;
  }

  /**
   * {@code generate_csrf}: the signed token for forms and headers. The raw token is created in the session
   * when absent (the SHA-1 hex of 64 random bytes); the signed one is made once per request.
   */
  public String token() {
    if (token == null) {
      String field = config.fieldName();
      if (!session.contains(field)) {
        session.put(field, newRawToken());
      }
      String json = jsonText(session.get(field));
      if (json == null) {
        // Not text Flask-WTF could validate (it would sign it, then fail with a TypeError): start afresh.
        String raw = newRawToken();
        session.put(field, raw);
        json = jsonText(raw);
      }
      token = protect.serializer().dumps(json, protect.clock().instant().getEpochSecond());
    }
    return token;
  }

  /**
   * {@code validate_csrf}: checks a signed token against the session's raw token.
   *
   * @param signed the token from the form or a header; {@code null} or empty when absent
   * @throws CsrfException with Flask-WTF's reason when it does not pass
   */
  public void validate(String signed) {
    if (signed == null || signed.isEmpty()) {
      throw new CsrfException(Reason.TOKEN_MISSING);
    }
    if (!session.contains(config.fieldName())) {
      throw new CsrfException(Reason.SESSION_TOKEN_MISSING);
    }
    Duration limit = config.timeLimit();
    Object given;
    try {
      Verified verified = limit == null
          ? protect.serializer().loads(signed, END_OF_TIME, Long.MAX_VALUE)
          : protect.serializer().loads(signed, protect.clock().instant().getEpochSecond(), limit.getSeconds());
      given = TaggedJson.standard().loads(verified.payload());
    } catch (SignatureExpiredException e) {
      throw new CsrfException(Reason.EXPIRED);
    } catch (BadDataException | TaggedJsonException e) {
      throw new CsrfException(Reason.INVALID);
    }
    // hmac.compare_digest on two ASCII texts; anything else is a TypeError in Python (HTTP 500).
    byte[] expected = ascii(session.get(config.fieldName()));
    byte[] actual = ascii(given);
    if (expected == null || actual == null || !MessageDigest.isEqual(expected, actual)) {
      throw new CsrfException(Reason.MISMATCH);
    }
  }

  /**
   * {@code CSRFProtect.protect}: for a method in {@code WTF_CSRF_METHODS}, validates the token from the
   * form field {@code WTF_CSRF_FIELD_NAME}, else the first non-empty field whose name ends with it, else
   * the first non-empty header of {@code WTF_CSRF_HEADERS}; then, over HTTPS with
   * {@code WTF_CSRF_SSL_STRICT}, requires a {@code Referer} of the same origin as {@code https://host/}.
   * Flask-WTF runs this before every view when {@link CsrfConfig#enabled()} and
   * {@link CsrfConfig#checkDefault()} are both true.
   *
   * @throws CsrfException with Flask-WTF's reason when the request does not pass
   */
  public void protect() {
    if (!config.methods().contains(request.method())) {
      return;
    }
    validate(tokenFromRequest());
    if (request.isSecure() && config.sslStrict()) {
      String referrer = request.header("Referer");
      if (referrer == null || referrer.isEmpty()) {
        throw new CsrfException(Reason.REFERRER_MISSING);
      }
      if (!SameOrigin.test(referrer, "https://" + request.host() + "/")) {
        throw new CsrfException(Reason.REFERRER_MISMATCH);
      }
    }
  }

  private String tokenFromRequest() {
    String field = config.fieldName();
    String token = request.formValue(field);
    if (token != null && !token.isEmpty()) {
      return token;
    }
    for (String name : request.formFieldNames()) { // a prefixed form names it {prefix}-csrf_token
      String value = name.endsWith(field) ? request.formValue(name) : null;
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    for (String header : config.headers()) {
      String value = request.header(header);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  /** {@code hashlib.sha1(os.urandom(64)).hexdigest()}. */
  private static String newRawToken() {
    byte[] random = new byte[64];
    RANDOM.nextBytes(random);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(random));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available in this JDK", e);
    }
  }

  /**
   * The compact JSON text itsdangerous signs for a raw token, or {@code null} unless it is printable ASCII
   * text (the only raw tokens that can validate; for them Python's and Flask's JSON writers agree).
   */
  private static String jsonText(Object raw) {
    return ascii(raw) == null || ((String) raw).chars().anyMatch(c -> c < 0x20 || c == 0x7F)
        ? null : TaggedJson.standard().dumps(raw);
  }

  /** A text's ASCII bytes, or {@code null} for anything else. */
  private static byte[] ascii(Object value) {
    if (!(value instanceof String text) || !text.chars().allMatch(c -> c < 0x80)) {
      return null;
    }
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "CsrfRequest[" + (token == null ? "no token made" : "token made") + "]";
  }
}
