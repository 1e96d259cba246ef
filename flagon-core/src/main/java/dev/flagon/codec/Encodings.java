package dev.flagon.codec;

import dev.flagon.internal.LoneSurrogates;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The two encodings of a token, both strict where Python is: base64url without padding, and UTF-8. Python's
 * base64 decoder is lenient (spec 3.6); Flagon accepts only the canonical encoding of some byte string.
 * The JDK's {@code String} conversions replace what UTF-8 cannot hold instead of failing, as Python does.
 */
final class Encodings {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private Encodings() {}

  static String base64(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** The bytes of {@code text}, or {@code null} if it is not canonical base64url. */
  static byte[] unbase64(String text) {
    int tail = text.length() % 4; // 2 or 3 characters carry 4 or 2 unused low bits, which must be zero
    if (tail == 1 || text.indexOf('=') >= 0
        || (tail > 1 && (ALPHABET.indexOf(text.charAt(text.length() - 1)) & (tail == 2 ? 15 : 3)) != 0)) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(text); // refuses any character outside the alphabet
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The UTF-8 bytes of {@code text}, or {@code null} if it holds a lone surrogate (Python cannot encode it). */
  static byte[] utf8OrNull(String text) {
    return LoneSurrogates.indexIn(text) >= 0 ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  /** @throws IllegalArgumentException naming {@code what} if {@code text} holds a lone surrogate */
  static byte[] utf8(String text, String what) {
    byte[] bytes = utf8OrNull(text);
    if (bytes == null) {
      throw new IllegalArgumentException(what + " is not valid Unicode (lone surrogate)");
    }
    return bytes;
  }

  /** Decodes UTF-8, reporting (not replacing) overlong forms, encoded surrogates and truncation. */
  static String fromUtf8(byte[] bytes, int length) throws CharacterCodingException {
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8); // malformed input becomes U+FFFD
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
  }
}
