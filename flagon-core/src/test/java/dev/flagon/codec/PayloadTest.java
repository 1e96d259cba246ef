package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.internal.BoundedInflater;
import dev.flagon.testing.Zlib;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Payload encoding and bounded decoding (spec 4), through the serializer where a signature matters. */
class PayloadTest {
  private static final Secret KEY = Secret.fromText("public-vector-secret-key-1");
  private static final UrlSafeTimedSerializer SERIALIZER = UrlSafeTimedSerializer.create(KeyRing.of(KEY), Signing.flask());
  private static final TimestampSigner TIMED = TimestampSigner.create(KeyRing.of(KEY), Signing.flask());
  private static final long T = 1_700_000_000L;

  @Test
  void encode_zlibSavesOneByte_staysUncompressed() {
    String json = "{\"v\":\"abababababab\"}"; // 20 bytes, zlib 19

    assertThat(Zlib.compress(json.getBytes(StandardCharsets.UTF_8))).hasSize(19);
    assertThat(SERIALIZER.dumps(json, T)).doesNotStartWith(".");
  }

  @Test
  void encode_zlibSavesTwoBytes_compressed() {
    String json = "{\"v\":\"ababababababa\"}"; // 21 bytes, zlib 19

    assertThat(Zlib.compress(json.getBytes(StandardCharsets.UTF_8))).hasSize(19);
    assertThat(SERIALIZER.dumps(json, T)).startsWith(".");
  }

  @Test
  void loads_compressedAndPlain_roundTrip() {
    for (String json : List.of("{}", "{\"a\":\"" + "x".repeat(500) + "\"}", "\"h\\u00e9\"", "h\u00e9\ud83d\ude00")) {
      assertThat(SERIALIZER.loads(SERIALIZER.dumps(json, T), T, 0).payload()).isEqualTo(json);
    }
  }

  @Test
  void decode_compressedInvalidUtf8_badPayload_andTheInflaterGoesBackToThePool() {
    while (UrlSafeTimedSerializer.INFLATERS.poll() != null) {
      // empty the pool: the inflater found after the decode is the one it used
    }
    String payload = "." + Encodings.base64(Zlib.compress(new byte[] {'"', (byte) 0xff, '"'}));

    assertThatThrownBy(() -> UrlSafeTimedSerializer.decode(payload)).isExactlyInstanceOf(BadPayloadException.class)
        .hasMessage("The payload is not valid UTF-8");
    assertThat(UrlSafeTimedSerializer.INFLATERS.poll()).isNotNull();
  }

  @Test
  void loads_signedZipBomb_badPayloadAtTheCap() {
    byte[] bomb = Zlib.compress(new byte[40 << 20]); // 40 MiB of zeros in ~40 KiB
    String token = TIMED.sign("." + Encodings.base64(bomb), T);
    assertThat(token.length()).isLessThanOrEqualTo(Signer.MAX_TOKEN_LENGTH);

    assertThatThrownBy(() -> SERIALIZER.loads(token, T, 0)).isExactlyInstanceOf(BadPayloadException.class)
        .hasMessageContaining("inflates beyond " + BoundedInflater.MAX_INFLATED_LENGTH);
  }

  @Test
  void inflate_streamClaimingMoreThanAnArrayCanHold_stopsAtTheCap() {
    // 8 GiB of zeros: an inflater that collected everything before checking would fail with an
    // OutOfMemoryError here, not a BadPayloadException.
    byte[] bomb = repeatedZeroBlocks(8 * 1024);

    assertThatThrownBy(() -> BoundedInflater.inflate(bomb, false, BoundedInflater.MAX_INFLATED_LENGTH))
        .isExactlyInstanceOf(BadPayloadException.class).hasMessageContaining("Flagon limit");
  }

  @Test
  void inflate_exactlyAtTheCap_accepted() {
    byte[] z = Zlib.compress(new byte[1000]);

    assertThat(BoundedInflater.inflate(z, false, 1000)).hasSize(1000);
    assertThatThrownBy(() -> BoundedInflater.inflate(z, false, 999)).isExactlyInstanceOf(BadPayloadException.class);
  }

  @Test
  void inflate_trailingBytesAfterStream_ignoredLikePython() {
    // Python: zlib.decompress(zlib.compress(b"hello") + b"xyz") == b"hello"
    byte[] z = Zlib.compress("hello".getBytes(StandardCharsets.US_ASCII));
    byte[] withTrailer = concat(z, new byte[] {'x', 'y', 'z'});

    assertThat(BoundedInflater.inflate(withTrailer, false, 100)).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void inflate_invalidStreams_badPayload() {
    byte[] z = Zlib.compress("hello hello hello".getBytes(StandardCharsets.US_ASCII));
    byte[] badChecksum = z.clone();
    badChecksum[badChecksum.length - 1] ^= 1;
    byte[] truncated = java.util.Arrays.copyOf(z, z.length - 1);
    byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    byte[] rawDeflate = {3, 0};
    byte[] presetDictionary = {0x78, (byte) 0xbb, 0, 0, 0, 1, 3, 0};

    for (byte[] bad : List.of(badChecksum, truncated, gzip, rawDeflate, presetDictionary, new byte[0])) {
      assertThatThrownBy(() -> BoundedInflater.inflate(bad, false, 1000)).isExactlyInstanceOf(BadPayloadException.class);
    }
  }

  @Test
  void decode_invalidUtf8_badPayload() {
    // Python's bytes.decode("utf-8") rejects each of these too.
    for (byte[] bad : List.of(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0x80},
        new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {'a', (byte) 0xe2, (byte) 0x82},
        new byte[] {(byte) 0xff})) {
      assertThatThrownBy(() -> UrlSafeTimedSerializer.decode(Encodings.base64(bad))).isExactlyInstanceOf(BadPayloadException.class);
    }
  }

  @Test
  void decode_byteOrderMark_keptAsPythonDoes() {
    assertThat(UrlSafeTimedSerializer.decode(Encodings.base64(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'x'}))).isEqualTo("\ufeffx");
  }

  @Test
  void loads_validlySignedNonBase64Payload_badPayload() {
    for (String payload : List.of("!!", "eyJ=", "a", ".a", "..", ".", "e+J9")) {
      String token = TIMED.sign(payload, T);
      assertThatThrownBy(() -> SERIALIZER.loads(token, T, 0)).as(payload).isExactlyInstanceOf(BadPayloadException.class);
    }
  }

  @Test
  void loads_validlySignedEmptyPayload_givesEmptyText() {
    assertThat(SERIALIZER.loads(TIMED.sign("", T), T, 0).payload()).isEmpty();
  }

  @Test
  void dumps_loneSurrogate_rejected() {
    assertThatThrownBy(() -> SERIALIZER.dumps("\"\ud800\"", T)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeUnverified_anyKey_givesPayload() {
    String plain = SERIALIZER.dumps("{\"user_id\":12345}", T);
    String compressed = SERIALIZER.dumps("{\"a\":\"" + "x".repeat(100) + "\"}", T);

    assertThat(UrlSafeTimedSerializer.decodeUnverified(plain)).isEqualTo("{\"user_id\":12345}");
    assertThat(UrlSafeTimedSerializer.decodeUnverified(compressed)).isEqualTo("{\"a\":\"" + "x".repeat(100) + "\"}");
    assertThat(UrlSafeTimedSerializer.decodeUnverified("eyJ1c2VyX2lkIjoxMjM0NX0.bad.bad")).isEqualTo("{\"user_id\":12345}");
  }

  @Test
  void decodeUnverified_missingParts_badSignature() {
    for (String token : List.of("", "abc", "eyJ1c2VyX2lkIjoxMjM0NX0.sig")) {
      assertThatThrownBy(() -> UrlSafeTimedSerializer.decodeUnverified(token)).isExactlyInstanceOf(BadSignatureException.class);
    }
  }

  @Test
  void decodeUnverified_undecodablePayload_badPayload() {
    for (String token : List.of("!!.ts.sig", ".eyJ1c2VyX2lkIjoxMjM0NX0.ts.sig", "eyJ=.ts.sig")) {
      assertThatThrownBy(() -> UrlSafeTimedSerializer.decodeUnverified(token)).isExactlyInstanceOf(BadPayloadException.class);
    }
  }

  /** A zlib stream of {@code mebibytes} MiB of zeros built by repeating one flushed deflate segment. */
  private static byte[] repeatedZeroBlocks(int mebibytes) {
    Deflater deflater = new Deflater(9, true);
    deflater.setInput(new byte[1 << 20]);
    byte[] buffer = new byte[1 << 16];
    int n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH); // byte-aligned, independent
    deflater.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x78);
    out.write(0xda);
    for (int i = 0; i < mebibytes; i++) {
      out.write(buffer, 0, n);
    }
    out.write(3); // a final empty fixed-Huffman block; the checksum never gets read
    out.write(0);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
