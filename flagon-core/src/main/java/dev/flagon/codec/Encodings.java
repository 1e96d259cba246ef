package dev.flagon.codec;

import dev.flagon.internal.LoneSurrogates;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The two encodings of a token, both strict where Python is lenient or the JDK replaces: base64url without
 * padding, of which only the canonical encoding of some byte string is accepted (spec 3.6), and UTF-8.
 * Tokens are built and read as ASCII bytes in place (measured: docs/architecture.md).
 */
final class Encodings {
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] VALUES = new byte[256];

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = (byte) i;
    }
  }

  private Encodings() {}

  /** The number of characters that encode {@code length} bytes. */
  static int base64Length(int length) {
    return (length * 4 + 2) / 3;
  }

  static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Writes the encoding of {@code in} at {@code out[at]}; returns the index after it. */
  static int base64(byte[] in, byte[] out, int at) {
    int bits = 0;
    int count = 0;
    for (byte b : in) {
      bits = bits << 8 | (b & 0xff);
      for (count += 8; count >= 6; count -= 6) {
        out[at++] = ALPHABET[(bits >>> (count - 6)) & 63];
      }
    }
    if (count > 0) {
      out[at++] = ALPHABET[(bits << (6 - count)) & 63];
    }
    return at;
  }

  /** The bytes of the characters {@code in[from, to)}, or {@code null} if they are not canonical base64url. */
  static byte[] unbase64(byte[] in, int from, int to) {
    byte[] out = new byte[(to - from) * 3 / 4];
    return unbase64(in, from, to, out) ? out : null;
  }

  /** Decodes the characters {@code in[from, to)} into {@code out} (exactly that long); false if not canonical. */
  static boolean unbase64(byte[] in, int from, int to, byte[] out) {
    if ((to - from) % 4 == 1 || out.length != (to - from) * 3 / 4) {
      return false; // 6 bits cannot make a byte
    }
    int bits = 0;
    int count = 0;
    for (int i = from, at = 0; i < to; i++) {
      int value = VALUES[in[i] & 0xff];
      if (value < 0) {
        return false;
      }
      bits = (bits << 6 | value) & 0xfff; // at most 12 bits are ever pending
      count += 6;
      if (count >= 8) {
        count -= 8;
        out[at++] = (byte) (bits >>> count);
      }
    }
    return (bits & ((1 << count) - 1)) == 0; // canonical: the unused low bits are zero
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
  static String fromUtf8(byte[] bytes, int from, int length) throws CharacterCodingException {
    String text = new String(bytes, from, length, StandardCharsets.UTF_8); // malformed input becomes U+FFFD
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, length)).toString();
  }
}
