/**
 * Flagon core: Flask-compatible signed cookie sessions. {@link dev.flagon.Flagon} opens a
 * {@link dev.flagon.Session} from the request's cookies and saves it into a {@link dev.flagon.CookieUpdate},
 * following Flask 3.1's rules, configured by {@link dev.flagon.FlagonConfig} with Flask's names and defaults:
 * one row of {@link dev.flagon.FlagonSettings} per setting, read through {@link dev.flagon.Setting}.
 *
 * <p>{@link dev.flagon.Flagon} is one {@link dev.flagon.SessionInterface}, Flask's signed cookie; another store
 * is another implementation, writing its cookie with {@link dev.flagon.WerkzeugCookie}. By default the cookie
 * is Flask's, byte for byte; a {@link dev.flagon.CookieFormat} of another module (flagon-encrypted's JWE)
 * can seal it instead (docs/security.md). Where Flagon departs from Flask on purpose: it refuses to start
 * without a secret key (Flask serves a null session), with a weak one, with cookie attributes browsers
 * drop, or with a cookie domain or path holding a separator or control character, rejects a validly
 * signed payload that is not a JSON object or null (Flask's
 * {@code dict(value)} also takes lists of pairs), fails fast on an empty {@code SESSION_COOKIE_SAMESITE},
 * and by default refuses an oversized cookie ({@link dev.flagon.SizePolicy#ERROR}) where Flask only warns.
 * Logging goes through {@link java.lang.System.Logger} {@code dev.flagon} and never shows a cookie value,
 * a key or session data.
 *
 * <p>{@code dev.flagon} holds the session model, configuration, the open/save rules and the
 * {@link dev.flagon.SessionInterface} and {@link dev.flagon.CookieFormat} seams; {@code dev.flagon.codec}
 * the itsdangerous signing layer (signers, the URL-safe timed serializer, key rotation through a
 * {@link dev.flagon.codec.KeyRing}, errors rooted at {@link dev.flagon.codec.BadDataException});
 * {@code dev.flagon.json} Flask's tagged JSON; {@code dev.flagon.internal}
 * helpers, exported to flagon-encrypted only. Cookie formats of other modules are found with
 * {@link java.util.ServiceLoader}.
 */
module dev.flagon.core {
  requires com.fasterxml.jackson.core;

  exports dev.flagon;
  exports dev.flagon.codec;
  exports dev.flagon.json;
  // Helpers, not API: only flagon-encrypted may use them (the bounded inflate).
  exports dev.flagon.internal to dev.flagon.encrypted;

  uses dev.flagon.CookieFormat.Provider;
  uses dev.flagon.SessionInterface.Provider;
}
