package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodingsTest {
  /** The canonical base64url decoding of {@code text} read as Latin-1 bytes (as a token's), or null. */
  private static byte[] unbase64(String text) {
    byte[] ascii = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return Encodings.unbase64(ascii, 0, ascii.length);
  }

  @Test
  void decode_encodedRandomBytes_roundTrips() {
    Random random = new Random(42);
    for (int length = 0; length < 70; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String text = Encodings.base64(bytes);

      assertThat(text).doesNotContain("=", "+", "/");
      assertThat(unbase64(text)).isEqualTo(bytes);
      assertThat(text).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
  }

  @Test
  void decode_substring_decodesOnlyThatRange() {
    assertThat(unbase64("xx.ZVPxAA.yy".substring(3, 9))).containsExactly(0x65, 0x53, 0xf1, 0x00);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ZVPxAA==", // padding
      "ZVPxAA=", //
      "ZVPxAB", // unused low bits set (Python ignores them)
      "ZVPxAC", "ZVPxAD", "YR", "YWJ", // ditto for 1- and 2-byte tails
      "Z", "ZVPxA", // a lone 6-bit tail
      "ZV+x", "ZV/x", // standard alphabet
      "ZV x", "ZV*x", "ZV\u00e9x", "ZV\ud83d\ude00", "ZV\nx", ".ZVP"})
  void decode_nonCanonical_isNull(String text) {
    assertThat(unbase64(text)).isNull();
  }

  @Test
  void decode_anyByteOutsideTheAlphabet_atAnyPosition_isNull() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    byte[] valid = "QUJDRA".getBytes(java.nio.charset.StandardCharsets.US_ASCII); // "ABCD"
    for (int value = 0; value < 256; value++) {
      if (alphabet.indexOf(value) >= 0) {
        continue;
      }
      for (int position = 0; position < valid.length; position++) {
        byte[] text = valid.clone();
        text[position] = (byte) value;
        assertThat(unbase64(new String(text, java.nio.charset.StandardCharsets.ISO_8859_1)))
            .as("byte %d at %d", value, position).isNull();
      }
    }
    assertThat(unbase64(new String(valid, java.nio.charset.StandardCharsets.ISO_8859_1))).containsExactly('A', 'B', 'C', 'D');
  }

  @Test
  void decode_empty_isEmpty() {
    assertThat(unbase64("")).isEmpty();
  }
}
