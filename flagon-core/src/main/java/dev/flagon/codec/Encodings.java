package dev.flagon.codec;

import dev.flagon.internal.Python;
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
    int i = 0;
    for (; i + 2 < in.length; i += 3) {
      int bits = (in[i] & 0xff) << 16 | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff);
      out[at++] = ALPHABET[bits >>> 18];
      out[at++] = ALPHABET[(bits >>> 12) & 63];
      out[at++] = ALPHABET[(bits >>> 6) & 63];
      out[at++] = ALPHABET[bits & 63];
    }
    if (i < in.length) { // 1 or 2 bytes left: 2 or 3 characters, the unused low bits zero
      int bits = (in[i] & 0xff) << 16 | (i + 1 < in.length ? (in[i + 1] & 0xff) << 8 : 0);
      out[at++] = ALPHABET[bits >>> 18];
      out[at++] = ALPHABET[(bits >>> 12) & 63];
      if (i + 1 < in.length) {
        out[at++] = ALPHABET[(bits >>> 6) & 63];
      }
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
    int rest = (to - from) % 4;
    if (rest == 1 || out.length != (to - from) * 3 / 4) {
      return false; // 6 bits cannot make a byte
    }
    int i = from;
    int at = 0;
    int bad = 0; // a character outside the alphabet has a negative value, which sets the sign bit here
    for (; i + 3 < to; i += 4) {
      int bits = VALUES[in[i] & 0xff] << 18 | VALUES[in[i + 1] & 0xff] << 12 | VALUES[in[i + 2] & 0xff] << 6
          | VALUES[in[i + 3] & 0xff];
      bad |= bits;
      out[at++] = (byte) (bits >>> 16);
      out[at++] = (byte) (bits >>> 8);
      out[at++] = (byte) bits;
    }
    if (rest > 0) { // 2 or 3 characters: 1 or 2 bytes, and 4 or 2 unused low bits that must be zero
      int c = rest == 3 ? VALUES[in[i + 2] & 0xff] : 0;
      int bits = VALUES[in[i] & 0xff] << 18 | VALUES[in[i + 1] & 0xff] << 12 | c << 6;
      bad |= bits | -(bits >>> (rest == 2 ? 12 : 6) & (rest == 2 ? 15 : 3));
      out[at++] = (byte) (bits >>> 16);
      if (rest == 3) {
        out[at] = (byte) (bits >>> 8);
      }
    }
    return bad >= 0;
  }

  /** The UTF-8 bytes of {@code text}, or {@code null} if it holds a lone surrogate (Python cannot encode it). */
  static byte[] utf8OrNull(String text) {
    return Python.loneSurrogateIndex(text) >= 0 ? null : text.getBytes(StandardCharsets.UTF_8);
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
