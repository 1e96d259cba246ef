package dev.flagon.json;

import java.io.ByteArrayOutputStream;

/**
 * Python's {@code base64.b64decode(s)} (non-strict {@code binascii.a2b_base64}): characters outside the
 * standard alphabet are skipped, a complete pad sequence ends the data, and an incomplete final group is
 * an error. The bytes tag reads its value this way, so crafted but validly signed cookies load as in Flask.
 */
final class PyBase64 {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final byte[] VALUES = new byte[128];

  static {
    java.util.Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      VALUES[ALPHABET.charAt(i)] = (byte) i;
    }
  }

  private PyBase64() {}

  /** Decodes ASCII text; throws {@link TaggedJsonException} where Python raises. */
  static byte[] decode(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        throw new TaggedJsonException("a bytes tag holds non-ASCII text");
      }
    }
    return decodeAscii(i -> text.charAt(i), text.length());
  }

  /** Decodes bytes that are themselves base64 text (a bytes tag wrapped around another bytes tag). */
  static byte[] decode(byte[] ascii) {
    return decodeAscii(i -> ascii[i] & 0xff, ascii.length);
  }

  private interface Source {
    int at(int index);
  }

  private static byte[] decodeAscii(Source source, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length * 3 / 4);
    int quadPosition = 0;
    int leftover = 0;
    int pads = 0;
    for (int i = 0; i < length; i++) {
      int c = source.at(i);
      if (c == '=') {
        // A pad after at least two data characters of a group may complete it and end the data.
        if (quadPosition >= 2 && quadPosition + ++pads >= 4) {
          return out.toByteArray();
        }
        continue;
      }
      int value = c < 128 ? VALUES[c] : -1;
      if (value < 0) {
        continue;
      }
      pads = 0;
      switch (quadPosition) {
        case 0 -> {
          leftover = value;
          quadPosition = 1;
        }
        case 1 -> {
          out.write((leftover << 2) | (value >> 4));
          leftover = value & 0x0f;
          quadPosition = 2;
        }
        case 2 -> {
          out.write((leftover << 4) | (value >> 2));
          leftover = value & 0x03;
          quadPosition = 3;
        }
        default -> {
          out.write((leftover << 6) | value);
          quadPosition = 0;
        }
      }
    }
    if (quadPosition != 0) {
      throw new TaggedJsonException("a bytes tag holds base64 with incorrect padding");
    }
    return out.toByteArray();
  }
}
