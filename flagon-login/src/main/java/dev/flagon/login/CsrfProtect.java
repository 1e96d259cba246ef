package dev.flagon.login;

import dev.flagon.Session;
import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Signing;
import dev.flagon.codec.UrlSafeTimedSerializer;
import java.time.Clock;
import java.util.Objects;

/**
 * CSRF protection whose tokens Flask-WTF 1.3.0 accepts and issues ({@code CSRFProtect},
 * {@code generate_csrf}, {@code validate_csrf}), for forms shared with a Flask app. The session holds a raw
 * token (40 hex digits) under {@code WTF_CSRF_FIELD_NAME}; forms and headers carry it signed by
 * itsdangerous' {@code URLSafeTimedSerializer} with salt {@code wtf-csrf-token} and itsdangerous' defaults
 * ({@code django-concat}, SHA-1), not Flask's session signing. Immutable and thread-safe; {@link #begin}
 * gives the checks of one request.
 */
public final class CsrfProtect {
  private static final Signing SIGNING = Signing.of("wtf-csrf-token", Digest.SHA1, KeyDerivation.DJANGO_CONCAT);

  private final CsrfConfig config;
  private final UrlSafeTimedSerializer serializer;
  private final Clock clock;

  private CsrfProtect(CsrfConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    // Flask-WTF signs with one key: SECRET_KEY_FALLBACKS are not read.
    this.serializer = UrlSafeTimedSerializer.create(KeyRing.of(config.secret()), SIGNING);
  }

  /** Protection on the system clock. */
  public static CsrfProtect create(CsrfConfig config) {
    return create(config, Clock.systemUTC());
  }

  /**
   * Protection whose tokens are signed at, and aged against, {@code clock}'s time.
   *
   * @throws NullPointerException if an argument is null
   */
  public static CsrfProtect create(CsrfConfig config, Clock clock) {
    return new CsrfProtect(config, clock);
  }

  /**
   * The CSRF checks of one request, over its session.
   *
   * @throws NullPointerException if an argument is null
   */
  public CsrfRequest begin(Session session, RequestView request) {
    return new CsrfRequest(this, Objects.requireNonNull(session, "session"),
        Objects.requireNonNull(request, "request"));
  }

  /** The settings. */
  public CsrfConfig config() {
    return config;
  }

  UrlSafeTimedSerializer serializer() {
    return serializer;
  }

  Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "CsrfProtect[" + config + "]";
  }
}
