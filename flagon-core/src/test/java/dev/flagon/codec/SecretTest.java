package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void fromText_unicodeKey_isUtf8Bytes() {
    assertThat(Secret.fromText("clé").copyBytes()).isEqualTo("clé".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fromText_nullOrLoneSurrogate_rejected() {
    assertThatThrownBy(() -> Secret.fromText(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Secret.fromText("a\ud800b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromBytes_laterChangeToArray_doesNotAffectSecret() {
    byte[] raw = {1, 2, 3};
    Secret s = Secret.fromBytes(raw);
    raw[0] = 9;

    assertThat(s.copyBytes()).containsExactly(1, 2, 3);
  }

  @Test
  void copyBytes_modifiedCopy_doesNotAffectSecret() {
    Secret s = Secret.fromBytes(new byte[] {1, 2});
    s.copyBytes()[0] = 7;

    assertThat(s.copyBytes()).containsExactly(1, 2);
  }

  @Test
  void fromHex_eitherCase_parsed() {
    assertThat(Secret.fromHex("00aBfF").copyBytes()).containsExactly(0x00, 0xab, 0xff);
    assertThat(Secret.fromHex("").isEmpty()).isTrue();
  }

  @Test
  void fromHex_oddLengthOrNonHex_rejectedWithoutEchoingTheKey() {
    assertThatThrownBy(() -> Secret.fromHex("abc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("abc");
    assertThatThrownBy(() -> Secret.fromHex("deadbeeg")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("deadbee").hasMessageContaining("index 7");
    assertThatThrownBy(() -> Secret.fromHex("\u0663\u0663")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Secret.fromHex(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generate_twice_gives32DifferentRandomBytes() {
    Secret a = Secret.generate();
    Secret b = Secret.generate();

    assertThat(a.length()).isEqualTo(32);
    assertThat(a.copyBytes()).isNotEqualTo(b.copyBytes());
  }

  @Test
  void generateHex_numBytes_givesLowerCaseHexOfThatLength() {
    assertThat(Secret.generateHex(24)).matches("[0-9a-f]{48}");
    assertThatThrownBy(() -> Secret.generateHex(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_anyKey_isRedacted() {
    assertThat(Secret.fromText("hunter2").toString()).isEqualTo("Secret[7 bytes]").doesNotContain("hunter2");
  }
}
