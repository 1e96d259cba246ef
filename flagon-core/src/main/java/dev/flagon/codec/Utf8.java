package dev.flagon.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8, as Python's {@code str.encode} / {@code bytes.decode} (the JDK's shortcuts replace instead). */
final class Utf8 {
  private Utf8() {}

  /** The UTF-8 bytes of {@code text}, or {@code null} if it holds a lone surrogate (Python cannot encode it). */
  static byte[] encodeOrNull(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return encodeSlow(text);
      }
    }
    return text.getBytes(StandardCharsets.UTF_8); // no surrogates: nothing can be malformed
  }

  private static byte[] encodeSlow(String text) {
    try {
      ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** @throws IllegalArgumentException naming {@code what} if {@code text} holds a lone surrogate */
  static byte[] encode(String text, String what) {
    byte[] bytes = encodeOrNull(text);
    if (bytes == null) {
      throw new IllegalArgumentException(what + " is not valid Unicode (lone surrogate)");
    }
    return bytes;
  }

  /** Decodes, reporting (not replacing) malformed input: overlong forms, encoded surrogates, truncation. */
  static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
  }
}
