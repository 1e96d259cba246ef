package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {
  @Test
  void decode_encodedRandomBytes_roundTrips() {
    Random random = new Random(42);
    for (int length = 0; length < 70; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String text = Base64Url.encode(bytes);

      assertThat(text).doesNotContain("=", "+", "/");
      assertThat(Base64Url.decode(text, 0, text.length())).isEqualTo(bytes);
      assertThat(text).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
  }

  @Test
  void decode_substring_decodesOnlyThatRange() {
    assertThat(Base64Url.decode("xx.ZVPxAA.yy", 3, 9)).containsExactly(0x65, 0x53, 0xf1, 0x00);
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
    assertThat(Base64Url.decode(text, 0, text.length())).isNull();
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
        assertThat(Base64Url.decode(text, 0, text.length))
            .as("byte %d at %d", value, position).isNull();
      }
    }
    assertThat(Base64Url.decode(valid, 0, valid.length)).containsExactly('A', 'B', 'C', 'D');
  }

  @Test
  void decode_empty_isEmpty() {
    assertThat(Base64Url.decode("", 0, 0)).isEmpty();
  }
}
