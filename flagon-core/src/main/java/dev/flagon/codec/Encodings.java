package dev.flagon.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * URL-safe base64 without padding, decoded strictly: only the canonical encoding of some byte string is
 * accepted (no padding, no {@code +} or {@code /}, no other characters, unused low bits zero). Python's
 * decoder is lenient (spec 3.6); Flagon deliberately is not, so every byte string has exactly one text.
 *
 * <p>The hot path works on ASCII bytes in place (a token's bytes, a buffer being filled) rather than on
 * strings, so no text is copied out of a token just to be decoded.
 */
final class Base64Url {
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] VALUES = new byte[256];

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = (byte) i;
    }
  }

  private Base64Url() {}

  /** The number of characters that encode {@code length} bytes. */
  static int encodedLength(int length) {
    return (length * 4 + 2) / 3;
  }

  /** The number of bytes {@code length} characters decode to, or -1 if no byte string has that length. */
  static int decodedLength(int length) {
    return length % 4 == 1 ? -1 : length * 3 / 4;
  }

  static String encode(byte[] bytes) {
    byte[] text = new byte[encodedLength(bytes.length)];
    encode(bytes, 0, bytes.length, text, 0);
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** Writes the encoding of {@code in[from, to)} at {@code out[at]}; returns the index after it. */
  static int encode(byte[] in, int from, int to, byte[] out, int at) {
    int i = from;
    for (int end = to - 2; i < end; i += 3) {
      int bits = (in[i] & 0xff) << 16 | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff);
      out[at] = ALPHABET[bits >>> 18];
      out[at + 1] = ALPHABET[(bits >>> 12) & 63];
      out[at + 2] = ALPHABET[(bits >>> 6) & 63];
      out[at + 3] = ALPHABET[bits & 63];
      at += 4;
    }
    int rest = to - i;
    if (rest == 1) {
      int bits = in[i] & 0xff;
      out[at++] = ALPHABET[bits >>> 2];
      out[at++] = ALPHABET[(bits << 4) & 63];
    } else if (rest == 2) {
      int bits = (in[i] & 0xff) << 8 | (in[i + 1] & 0xff);
      out[at++] = ALPHABET[bits >>> 10];
      out[at++] = ALPHABET[(bits >>> 4) & 63];
      out[at++] = ALPHABET[(bits << 2) & 63];
    }
    return at;
  }

  /** The bytes of {@code text[from, to)}, or {@code null} if it is not canonical base64url. */
  static byte[] decode(String text, int from, int to) {
    // Latin-1 keeps one byte per character and turns anything beyond U+00FF into '?': both fail below.
    byte[] ascii = text.substring(from, to).getBytes(StandardCharsets.ISO_8859_1);
    return decode(ascii, 0, ascii.length);
  }

  /** The bytes of the characters {@code in[from, to)}, or {@code null} if they are not canonical base64url. */
  static byte[] decode(byte[] in, int from, int to) {
    int length = decodedLength(to - from);
    if (length < 0) {
      return null; // 6 bits cannot make a byte
    }
    byte[] out = new byte[length];
    return decode(in, from, to, out, 0) ? out : null;
  }

  /**
   * Decodes the characters {@code in[from, to)} into {@code out} at {@code at} ({@link #decodedLength} bytes);
   * false if they are not canonical base64url (then {@code out} holds garbage).
   */
  static boolean decode(byte[] in, int from, int to, byte[] out, int at) {
    if (decodedLength(to - from) < 0) {
      return false;
    }
    int i = from;
    int bad = 0; // any character outside the alphabet turns a value negative, so its sign bit sets this
    for (int end = to - 3; i < end; i += 4) {
      int a = VALUES[in[i] & 0xff];
      int b = VALUES[in[i + 1] & 0xff];
      int c = VALUES[in[i + 2] & 0xff];
      int d = VALUES[in[i + 3] & 0xff];
      bad |= a | b | c | d;
      int bits = a << 18 | b << 12 | c << 6 | d;
      out[at] = (byte) (bits >>> 16);
      out[at + 1] = (byte) (bits >>> 8);
      out[at + 2] = (byte) bits;
      at += 3;
    }
    int rest = to - i;
    if (rest == 2) {
      int a = VALUES[in[i] & 0xff];
      int b = VALUES[in[i + 1] & 0xff];
      bad |= a | b | -(b & 15); // canonical: the unused low 4 bits are zero
      out[at] = (byte) (a << 2 | b >>> 4);
    } else if (rest == 3) {
      int a = VALUES[in[i] & 0xff];
      int b = VALUES[in[i + 1] & 0xff];
      int c = VALUES[in[i + 2] & 0xff];
      bad |= a | b | c | -(c & 3); // canonical: the unused low 2 bits are zero
      int bits = a << 12 | b << 6 | c;
      out[at] = (byte) (bits >>> 10);
      out[at + 1] = (byte) (bits >>> 2);
    }
    return bad >= 0;
  }
}
