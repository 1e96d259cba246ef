package dev.flagon.redis;

import dev.flagon.codec.BadSignatureException;
import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signer;
import dev.flagon.codec.Signing;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Flask-Session's session ids: {@code secrets.token_urlsafe(SESSION_ID_LENGTH)} from {@link SecureRandom}; the
 * cookie carries the id, or with {@code SESSION_USE_SIGNER} the id signed as Flask-Session signs it
 * (itsdangerous {@code Signer(SECRET_KEY, salt="flask-session", key_derivation="hmac")}, HMAC-SHA1). As in
 * Flask-Session, only the current {@code SECRET_KEY} signs and verifies: {@code SECRET_KEY_FALLBACKS} do not
 * apply to the id (Flask-Session passes {@code app.secret_key} alone), so rotating the key starts new sessions.
 *
 * <p>An id from a cookie is used only after it passed every check: the signature when signing is on, then
 * the alphabet of {@code token_urlsafe} ({@code A-Z a-z 0-9 - _}) and a length of at most
 * {@value #MAX_ID_CHARS} characters. A cookie that fails gives no id, and so a new session, never an error.
 * Immutable and thread-safe.
 */
final class SessionIds {
  /** The longest id accepted from a cookie: {@code token_urlsafe(256)}, the largest SESSION_ID_LENGTH Flagon allows. */
  static final int MAX_ID_CHARS = 342;

  private static final Signing FLASK_SESSION = Signing.of("flask-session", Digest.SHA1, KeyDerivation.HMAC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int idBytes;
  private final Signer signer;

  private SessionIds(int idBytes, Signer signer) {
    this.idBytes = idBytes;
    this.signer = signer;
  }

  /**
   * The ids of a configuration.
   *
   * @param secretKey {@code SECRET_KEY}: required when {@code SESSION_USE_SIGNER} is on, else unused (may be null)
   * @throws IllegalArgumentException if signing is on and there is no key
   */
  static SessionIds create(RedisSessionConfig config, Secret secretKey) {
    Objects.requireNonNull(config, "config");
    Signer signer = null;
    if (config.useSigner()) {
      if (secretKey == null) {
        throw new IllegalArgumentException("SECRET_KEY must be set when SESSION_USE_SIGNER is true");
      }
      signer = Signer.create(KeyRing.of(secretKey), FLASK_SESSION);
    }
    return new SessionIds(config.idLength(), signer);
  }

  /** A new id: {@code secrets.token_urlsafe(SESSION_ID_LENGTH)}, base64url without padding. */
  String newId() {
    byte[] random = new byte[idBytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** What the session cookie carries for an id: the id, or the id signed. */
  String cookieValue(String id) {
    if (!isValidId(id)) {
      throw new IllegalArgumentException("not a session id made by newId()");
    }
    return signer == null ? id : signer.sign(id);
  }

  /**
   * The id a session cookie carries, if it passes every check; empty means "start a new session".
   *
   * @param cookieValue the cookie's value, or null when there is none
   */
  Optional<String> idFromCookie(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > MAX_ID_CHARS + 64) {
      return Optional.empty();
    }
    String id = cookieValue;
    if (signer != null) {
      try {
        id = signer.unsign(cookieValue);
      } catch (BadSignatureException e) {
        return Optional.empty();
      }
    }
    return isValidId(id) ? Optional.of(id) : Optional.empty();
  }

  /** Whether text could be an id {@code token_urlsafe} made: 1 to {@value #MAX_ID_CHARS} base64url characters. */
  static boolean isValidId(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_ID_CHARS) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
