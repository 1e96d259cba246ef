package dev.flagon.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8, as Python's {@code str.encode} / {@code bytes.decode}. The JDK's fast {@code String}
 * conversions replace what they cannot convert ({@code ?} when encoding, U+FFFD when decoding) instead of
 * failing; they are used first, and only a result that contains a replacement is redone strictly.
 */
final class Utf8 {
  private Utf8() {}

  /** The UTF-8 bytes of {@code text}, or {@code null} if it holds a lone surrogate (Python cannot encode it). */
  static byte[] encodeOrNull(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // getBytes turns each lone surrogate into '?'; without any '?' in the output nothing was replaced.
    if (containsQuestionMark(bytes)) {
      return hasLoneSurrogate(text) ? null : bytes;
    }
    return bytes;
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long QUESTION_MARKS = ONES * '?';

  /** Whether some byte is '?', eight bytes at a time (a byte is zero in x iff it is '?' in the input). */
  static boolean containsQuestionMark(byte[] bytes) {
    int i = 0;
    for (int end = bytes.length - 7; i < end; i += 8) {
      long x = (long) LONGS.get(bytes, i) ^ QUESTION_MARKS;
      if (((x - ONES) & ~x & (ONES << 7)) != 0) {
        return true;
      }
    }
    for (; i < bytes.length; i++) {
      if (bytes[i] == '?') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
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
    return decode(bytes, 0, bytes.length);
  }

  /** {@link #decode(byte[])} of {@code bytes[from, from + length)}. */
  static String decode(byte[] bytes, int from, int length) throws CharacterCodingException {
    // The JDK decodes malformed input as U+FFFD; a result without one was decoded without replacement.
    // (A Latin-1 string, as every ASCII payload gives, answers this without a scan.)
    String text = new String(bytes, from, length, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, length)).toString();
  }

  /** Strictly encodes (the slow way), for tests of the fast path. */
  static byte[] encodeStrict(String text) {
    try {
      ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
