package dev.flagon.encrypted;

import dev.flagon.CookieFormat;
import dev.flagon.FlagonConfig;
import dev.flagon.Setting;
import dev.flagon.codec.Verified;
import java.util.List;

/**
 * Encrypted session cookies: with this module on the class path, {@code SESSION_FORMAT} may name these
 * formats (the core finds them through {@link java.util.ServiceLoader}); and this module's one setting:
 *
 * <ul>
 *   <li>{@value #ENCRYPTED}: the session as a compact JWE ({@link JweSerializer}), unreadable and
 *       unchangeable without the key. Flask cannot read these cookies, and signed cookies are not accepted.
 *   <li>{@value #ENCRYPTED_MIGRATE}: writes encrypted cookies and still reads Flask's signed ones,
 *       re-issuing each encrypted on the response: the way from {@code signed} to {@value #ENCRYPTED}
 *       without logging anyone out.
 * </ul>
 *
 * <p>Keys come from the configuration's {@link dev.flagon.codec.KeyRing} ({@code SECRET_KEY} and its
 * fallbacks) and the cookie's name; {@code PERMANENT_SESSION_LIFETIME} bounds every cookie's age.
 */
public final class EncryptedFormats implements CookieFormat.Provider {
  /** {@code SESSION_FORMAT=encrypted}. */
  public static final String ENCRYPTED = "encrypted";
  /** {@code SESSION_FORMAT=encrypted-migrate}. */
  public static final String ENCRYPTED_MIGRATE = "encrypted-migrate";

  /** {@code SESSION_ENCRYPTION_COMPRESS}: whether encrypted sessions are deflated ({@code "zip":"DEF"}). */
  public static final Setting<Boolean> SESSION_ENCRYPTION_COMPRESS = Setting.flag("SESSION_ENCRYPTION_COMPRESS",
      "flagon.encryption-compress", false, "Deflate encrypted sessions (compression can leak secrets' size).");

  /** For {@link java.util.ServiceLoader}. */
  public EncryptedFormats() {}

  @Override
  public List<String> names() {
    return List.of(ENCRYPTED, ENCRYPTED_MIGRATE);
  }

  @Override
  public List<Setting<?>> settings() {
    return List.of(SESSION_ENCRYPTION_COMPRESS);
  }

  /** @throws IllegalArgumentException for a name not in {@link #names()} */
  @Override
  public CookieFormat create(String name, FlagonConfig config) {
    if (!names().contains(name)) {
      throw new IllegalArgumentException("flagon-encrypted has no cookie format named '" + name + "'");
    }
    JweSerializer jwe = JweSerializer.create(config.keyRing(), config.cookieName(),
        config.get(SESSION_ENCRYPTION_COMPRESS));
    CookieFormat signed = name.equals(ENCRYPTED_MIGRATE) ? CookieFormat.signed(config) : null;
    long maxAge = config.permanentSessionLifetime().getSeconds();
    return new CookieFormat() {
      /** Carries {@code exp = now + maxAge}: the lifetime is at most 999999999 days, so it cannot overflow. */
      @Override
      public String seal(String json, long nowEpochSeconds) {
        return jwe.dumps(json, nowEpochSeconds, nowEpochSeconds + maxAge);
      }

      @Override
      public Verified open(String value, long nowEpochSeconds) {
        if (signed == null || isCompactJwe(value)) {
          return jwe.loads(value, nowEpochSeconds, maxAge);
        }
        return signed.open(value, nowEpochSeconds).toReissue(); // re-issued encrypted on this response
      }

      @Override
      public String toString() {
        return "CookieFormat[" + name + ", " + jwe + "]";
      }
    };
  }

  /** A compact JWE has exactly four dots; a Flask token two, or three when compressed. */
  private static boolean isCompactJwe(String value) {
    int dots = 0;
    for (int i = 0; i < value.length() && dots < 5; i++) {
      if (value.charAt(i) == '.') {
        dots++;
      }
    }
    return dots == 4;
  }
}
