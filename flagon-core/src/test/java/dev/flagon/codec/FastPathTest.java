package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The codec's base64url and UTF-8 against strict references: in-place base64url against a strict decoder,
 * and the JDK's replacing UTF-8 conversions (checked for lone surrogates and replacements) against strict
 * coders.
 */
class FastPathTest {
  /** The canonical base64url decoding of {@code text} read as Latin-1 bytes (as a token's), or null. */
  private static byte[] unbase64(String text) {
    byte[] ascii = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return Encodings.unbase64(ascii, 0, ascii.length);
  }


  @Property(tries = 5000)
  void base64Decode_anyText_sameAsStrictReference(@ForAll("base64ish") String text) {
    assertThat(unbase64(text)).isEqualTo(referenceDecode(text));
  }

  @Property(tries = 5000)
  void utf8Encode_anyString_sameAsStrictEncoder(@ForAll("strings") String text) {
    assertThat(Encodings.utf8OrNull(text)).isEqualTo(encodeStrict(text));
  }

  private static byte[] encodeStrict(String text) {
    try {
      ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder().encode(java.nio.CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  @Property(tries = 5000)
  void utf8Decode_anyBytes_sameAsStrictDecoder(@ForAll("utf8ish") byte[] bytes) {
    String strict;
    try {
      strict = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      strict = null;
    }
    String fast;
    try {
      fast = Encodings.fromUtf8(bytes, 0, bytes.length);
    } catch (CharacterCodingException e) {
      fast = null;
    }
    assertThat(fast).isEqualTo(strict);
  }

  /** The strict decoder Flagon had before the in-place one: canonical base64url or null. */
  private static byte[] referenceDecode(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    if (text.length() % 4 == 1) {
      return null;
    }
    byte[] out = new byte[text.length() / 4 * 3 + (text.length() % 4 == 0 ? 0 : text.length() % 4 - 1)];
    int bits = 0;
    int count = 0;
    int o = 0;
    for (char c : text.toCharArray()) {
      int v = alphabet.indexOf(c);
      if (v < 0) {
        return null;
      }
      bits = bits << 6 | v;
      count += 6;
      if (count >= 8) {
        count -= 8;
        out[o++] = (byte) (bits >>> count);
        bits &= (1 << count) - 1;
      }
    }
    return bits == 0 ? out : null;
  }

  @Provide
  Arbitrary<String> base64ish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            .ofMaxLength(40),
        Arbitraries.strings().withChars("AQgw-_+/=.*\u00e9\u0100\ud83d ").ofMaxLength(12),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(30).map(Encodings::base64));
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(20),
        Arbitraries.strings().withChars("a?\ud800\udc00\ud83d\ude00\u00e9").ofMaxLength(10));
  }

  @Provide
  Arbitrary<byte[]> utf8ish() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
        Arbitraries.of((byte) 'a', (byte) 0xc3, (byte) 0xa9, (byte) 0xef, (byte) 0xbf, (byte) 0xbd, (byte) 0xed,
            (byte) 0xa0, (byte) 0x80, (byte) 0xf0, (byte) 0x9f, (byte) 0xc0).array(byte[].class).ofMaxSize(12));
  }
}
