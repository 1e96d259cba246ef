package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** HKDF-SHA256 against RFC 5869's own test vectors (Appendix A, cases 1 to 3). */
class HkdfTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] range(int from, int toInclusive) {
    byte[] b = new byte[toInclusive - from + 1];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (from + i);
    }
    return b;
  }

  @Test
  void derive_rfc5869Case1_basic() {
    byte[] okm = Hkdf.derive(HEX.parseHex("0b".repeat(22)), range(0x00, 0x0c), range(0xf0, 0xf9), 42);
    assertThat(HEX.formatHex(okm)).isEqualTo(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void derive_rfc5869Case2_longInputsAndThreeBlocks() {
    byte[] okm = Hkdf.derive(range(0x00, 0x4f), range(0x60, 0xaf), range(0xb0, 0xff), 82);
    assertThat(HEX.formatHex(okm)).isEqualTo("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
        + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
  }

  @Test
  void derive_rfc5869Case3_emptySaltAndInfo() {
    byte[] okm = Hkdf.derive(HEX.parseHex("0b".repeat(22)), new byte[0], new byte[0], 42);
    assertThat(HEX.formatHex(okm)).isEqualTo(
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
  }

  @Test
  void derive_lengthOutsideRfcRange_isRefused() {
    assertThatThrownBy(() -> Hkdf.derive(new byte[1], new byte[0], new byte[0], 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hkdf.derive(new byte[1], new byte[0], new byte[0], 255 * 32 + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Hkdf.derive(new byte[1], new byte[0], new byte[0], 255 * 32)).hasSize(8160);
  }
}
