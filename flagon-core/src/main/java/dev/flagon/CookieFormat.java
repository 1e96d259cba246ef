package dev.flagon;

import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.codec.Verified;
import java.util.List;

/**
 * A session cookie's value format, chosen by {@code SESSION_FORMAT} (implement it, with a {@link Provider}, to
 * add one): it seals the session's JSON text into a value and opens a value back into verified JSON text;
 * {@link Flagon} keeps Flask's rules around it. {@value #SIGNED}, Flask's own token, is the default;
 * flagon-encrypted adds a JWE. Implementations are immutable and thread-safe.
 */
public interface CookieFormat {
  /** The name of Flask's signed format, the default {@code SESSION_FORMAT}. */
  String SIGNED = "signed";

  /**
   * The cookie value for this JSON text, sealed at this time with the current key.
   * @throws IllegalArgumentException for a lone surrogate or a time out of the format's range
   */
  String seal(String json, long nowEpochSeconds);

  /**
   * Verifies a cookie value, then decodes it: nothing is decoded before it verifies.
   * @return the JSON text, when it was sealed, which key opened it, and whether to re-issue it
   * @throws dev.flagon.codec.BadSignatureException if it does not verify, has expired or is malformed
   * @throws dev.flagon.codec.BadPayloadException if it verifies but cannot be decoded (Flask answers 500)
   */
  Verified open(String value, long nowEpochSeconds);

  /**
   * Flask's signed cookie, byte for byte: itsdangerous' {@code URLSafeTimedSerializer} with the key ring
   * and signing settings, and {@code PERMANENT_SESSION_LIFETIME} as every cookie's max age. Readable by
   * anyone holding the cookie, changeable by no one without the key.
   */
  static CookieFormat signed(FlagonConfig config) {
    UrlSafeTimedSerializer serializer = UrlSafeTimedSerializer.create(config.keyRing(), config.signing());
    long maxAge = config.permanentSessionLifetime().getSeconds();
    return new CookieFormat() {
      @Override
      public String seal(String json, long nowEpochSeconds) {
        return serializer.dumps(json, nowEpochSeconds);
      }

      @Override
      public Verified open(String value, long nowEpochSeconds) {
        return serializer.loads(value, nowEpochSeconds, maxAge);
      }
    };
  }

  /**
   * Makes a module's cookie formats: found by {@link java.util.ServiceLoader} when the settings table is first
   * used ({@code provides} in module-info, a {@code META-INF/services} entry); needs a no-argument constructor.
   */
  interface Provider {
    /** The {@code SESSION_FORMAT} names it makes, in lower case ({@code encrypted}). */
    List<String> names();

    /** Its own settings, added to {@link FlagonSettings#all()} and read with {@link FlagonConfig#get}. */
    default List<Setting<?>> settings() {
      return List.of();
    }

    /** The format of this name for this configuration; keys are derived here, once. */
    CookieFormat create(String name, FlagonConfig config);
  }
}
