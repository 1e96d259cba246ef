/**
 * Flagon's encrypted sessions: {@code SESSION_FORMAT=encrypted} (the session as a standard compact JWE) and
 * {@code encrypted-migrate} (also reads Flask's signed cookies and re-issues them encrypted). The core finds
 * them through {@link java.util.ServiceLoader}; nothing needs to call this module directly.
 */
module dev.flagon.encrypted {
  requires dev.flagon.core;
  requires com.fasterxml.jackson.core;

  exports dev.flagon.encrypted;

  provides dev.flagon.CookieFormat.Provider with dev.flagon.encrypted.EncryptedFormats;
}
