package dev.flagon.codec;

import dev.flagon.internal.LoneSurrogates;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8, as Python's {@code str.encode} / {@code bytes.decode}. The JDK's {@code String} conversions
 * replace what they cannot convert instead of failing: text is checked for lone surrogates before encoding,
 * and decoded text that contains U+FFFD is decoded again strictly.
 */
final class Utf8 {
  private Utf8() {}

  /** The UTF-8 bytes of {@code text}, or {@code null} if it holds a lone surrogate (Python cannot encode it). */
  static byte[] encodeOrNull(String text) {
    return LoneSurrogates.indexIn(text) >= 0 ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  /** @throws IllegalArgumentException naming {@code what} if {@code text} holds a lone surrogate */
  static byte[] encode(String text, String what) {
    byte[] bytes = encodeOrNull(text);
    if (bytes == null) {
      throw new IllegalArgumentException(what + " is not valid Unicode (lone surrogate)");
    }
    return bytes;
  }

  /**
   * Decodes {@code bytes[from, from + length)}, reporting (not replacing) malformed input: overlong forms,
   * encoded surrogates, truncation.
   */
  static String decode(byte[] bytes, int from, int length) throws CharacterCodingException {
    // The JDK decodes malformed input as U+FFFD; a result without one was decoded without replacement.
    // (A Latin-1 string, as every ASCII payload gives, answers this without a scan.)
    String text = new String(bytes, from, length, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, length)).toString();
  }
}
