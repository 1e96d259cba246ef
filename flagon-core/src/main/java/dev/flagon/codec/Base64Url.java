package dev.flagon.codec;

import java.util.Arrays;
import java.util.Base64;

/**
 * URL-safe base64 without padding, decoded strictly: only the canonical encoding of some byte string is
 * accepted (no padding, no {@code +} or {@code /}, no other characters, unused low bits zero). Python's
 * decoder is lenient (spec 3.6); Flagon deliberately is not, so every byte string has exactly one text.
 */
final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Base64Url() {}

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** The bytes of {@code text[from, to)}, or {@code null} if it is not canonical base64url. */
  static byte[] decode(String text, int from, int to) {
    int length = to - from;
    int tail = length % 4;
    if (tail == 1) {
      return null; // 6 bits cannot make a byte
    }
    byte[] out = new byte[length / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
    int bits = 0;
    int bitCount = 0;
    int o = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int v = c < 128 ? VALUES[c] : -1;
      if (v < 0) {
        return null;
      }
      bits = (bits << 6) | v;
      bitCount += 6;
      if (bitCount >= 8) {
        bitCount -= 8;
        out[o++] = (byte) (bits >>> bitCount);
        bits &= (1 << bitCount) - 1;
      }
    }
    // Whatever is left are the unused low bits of the last character: canonical means they are zero.
    return bits == 0 ? out : null;
  }

  static byte[] decode(String text) {
    return decode(text, 0, text.length());
  }
}
