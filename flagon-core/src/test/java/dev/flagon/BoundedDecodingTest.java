package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.TimestampSigner;
import dev.flagon.codec.UrlSafeTimedSerializer;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.zip.Deflater;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Correctly signed hostile payloads, as only a key holder could make them: a zip bomb and deep nesting end
 * in typed errors within a fixed memory bound, measured per thread with
 * {@link ThreadMXBean#getThreadAllocatedBytes}. (Encrypted ones: flagon-encrypted's
 * EncryptedBoundedDecodingTest.)
 */
class BoundedDecodingTest {
  private static final String SECRET = "bounded-decoding-test-key-0001";
  private static final long NOW = 1_700_000_000L;
  /**
   * Everything decoding one cookie may allocate, whatever it claims to inflate to: a few copies of the
   * 1 MiB inflate cap (output buffer growth, UTF-8 text, parser buffers). Measured at 3 to 7.5 MiB; the
   * bombs below would need 10 to 40 MiB, twice over, without the cap.
   */
  private static final long MEMORY_BOUND = 16L << 20;
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static Flagon flagon() {
    return Flagon.create(FlagonConfig.builder().secretKey(SECRET)
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build());
  }

  private static byte[] zlib(byte[] input) {
    Deflater deflater = new Deflater(9);
    deflater.setInput(input);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** A Flask-format cookie whose compressed payload is exactly these zlib bytes, signed with the key. */
  private static String signedZlib(byte[] zlib) {
    return TimestampSigner.create(KeyRing.of(Secret.fromText(SECRET)), Signing.flask())
        .sign("." + Base64.getUrlEncoder().withoutPadding().encodeToString(zlib), NOW);
  }

  /** Runs the decode twice (the first warms up classes and JIT) and returns the bytes the second allocated. */
  private static long allocatedBy(ThrowingCallable decode, Class<? extends Throwable> expected) {
    assertThatThrownBy(decode).isInstanceOf(expected);
    long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    assertThatThrownBy(decode).isInstanceOf(expected);
    long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    return allocated;
  }

  @Test
  void signedZipBomb_12MiBOfZerosIn16KiB_isBadPayloadWithinTheMemoryBound() {
    String cookie = signedZlib(zlib(("{\"a\":\"" + "0".repeat(12 << 20) + "\"}").getBytes(StandardCharsets.US_ASCII)));
    assertThat(cookie.length()).isLessThanOrEqualTo(Flagon.MAX_COOKIE_VALUE_LENGTH);
    Flagon flagon = flagon();
    long allocated = allocatedBy(() -> flagon.openCookieValue(cookie), BadPayloadException.class);
    assertThatThrownBy(() -> flagon.openCookieValue(cookie)).hasMessageContaining("inflates beyond 1048576");
    assertThat(allocated).isLessThan(MEMORY_BOUND);
  }

  @Test
  void codecZipBomb_40MiBOfZerosIn64KiB_isBadPayloadWithinTheMemoryBound() {
    String cookie = signedZlib(zlib(new byte[40 << 20]));
    assertThat(cookie.length()).isBetween(Flagon.MAX_COOKIE_VALUE_LENGTH, 64 * 1024);
    UrlSafeTimedSerializer codec = UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(SECRET)), Signing.flask());
    assertThat(allocatedBy(() -> codec.loads(cookie, NOW, 60), BadPayloadException.class)).isLessThan(MEMORY_BOUND);
    assertThat(flagon().openCookieValue(cookie).toMap()).as("refused by length first").isEmpty();
  }

  @Test
  void signedDeepNesting_aMillionBrackets_isBadPayloadWithinTheMemoryBound() {
    String json = "{\"a\":" + "[".repeat(1_000_000) + "]".repeat(10) + "}";
    String cookie = signedZlib(zlib(json.getBytes(StandardCharsets.US_ASCII)));
    Flagon flagon = flagon();
    long allocated = allocatedBy(() -> flagon.openCookieValue(cookie), BadPayloadException.class);
    assertThatThrownBy(() -> flagon.openCookieValue(cookie)).hasMessageContaining("exceeds a limit")
        .hasMessageContaining("512");
    assertThat(allocated).isLessThan(MEMORY_BOUND);
  }

  @Test
  void signedHugeNumber_isBadPayloadWithinTheMemoryBound() {
    String cookie = signedZlib(zlib(("{\"a\":" + "9".repeat(900_000) + "}").getBytes(StandardCharsets.US_ASCII)));
    Flagon flagon = flagon();
    long allocated = allocatedBy(() -> flagon.openCookieValue(cookie), BadPayloadException.class);
    assertThatThrownBy(() -> flagon.openCookieValue(cookie)).hasMessageContaining("4300");
    assertThat(allocated).isLessThan(MEMORY_BOUND);
  }
}
