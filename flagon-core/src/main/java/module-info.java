/**
 * Flagon core: Flask-compatible signed cookie sessions.
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
