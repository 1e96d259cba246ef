package dev.flagon.redis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Text as Python holds it: UTF-8 without lone surrogates, both ways. */
final class PyText {
  private PyText() {}

  /**
   * The text, if Python could encode it.
   *
   * @throws SessionDataException if it has a lone surrogate (Python: "surrogates not allowed")
   */
  static String checked(String text, Supplier<String> where) {
    if (hasLoneSurrogate(text)) {
      throw new SessionDataException(where.get() + " holds a string with a lone surrogate, which UTF-8"
          + " (and so Python) cannot encode");
    }
    return text;
  }

  /** Whether the text has a surrogate that is not half of a pair. */
  static boolean hasLoneSurrogate(String text) {
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

  /**
   * Strictly decoded UTF-8, as Python's {@code bytes.decode()}: no overlong forms, no encoded surrogates.
   *
   * @throws SessionDataException if the bytes are not UTF-8
   */
  static String decode(byte[] bytes, int offset, int length, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SessionDataException(what + " is not valid UTF-8");
    }
  }

  /** A session key for a message: short printable ASCII keys as {@code 'key'}, others by their length. */
  static String describeKey(String key) {
    if (key.length() <= 40 && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '\'')) {
      return "'" + key + "'";
    }
    return "a key of " + key.length() + " characters";
  }
}
