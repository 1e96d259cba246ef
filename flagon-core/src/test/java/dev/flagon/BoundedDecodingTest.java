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
import dev.flagon.testing.Zlib;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Correctly signed hostile payloads, as only a key holder could make them: a zip bomb, deep
 * nesting, and small cookies that inflate to masses of values end in typed errors within a fixed memory
 * bound, measured per thread with {@link ThreadMXBean#getThreadAllocatedBytes}. (Every shape, against the
 * bound docs/security.md states: {@code DecodeBudgetPropertiesTest}; encrypted ones: flagon-encrypted's
 * {@code EncryptedBoundedDecodingTest}.)
 */
class BoundedDecodingTest {
  private static final String SECRET = "bounded-decoding-test-key-0001";
  private static final long NOW = 1_700_000_000L;
  /**
   * The ceiling docs/security.md promises for decoding one cookie, whatever it holds. The bombs below would
   * need 10 to 40 MiB, twice over, without the inflate cap; the masses of values 28 and 21 MiB without the
   * budget of values.
   */
  private static final long MEMORY_BOUND = 16L << 20;
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static Flagon flagon() {
    return Flagon.create(FlagonConfig.builder().secretKey(SECRET)
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build());
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
    String cookie = signedZlib(Zlib.deflate(("{\"a\":\"" + "0".repeat(12 << 20) + "\"}").getBytes(StandardCharsets.US_ASCII)));
    assertThat(cookie.length()).isLessThanOrEqualTo(Flagon.MAX_COOKIE_VALUE_LENGTH);
    Flagon flagon = flagon();
    long allocated = allocatedBy(() -> flagon.openCookieValue(cookie), BadPayloadException.class);
    assertThatThrownBy(() -> flagon.openCookieValue(cookie)).hasMessageContaining("inflates beyond 524288");
    assertThat(allocated).isLessThan(MEMORY_BOUND);
  }

  @Test
  void codecZipBomb_40MiBOfZerosIn64KiB_isBadPayloadWithinTheMemoryBound() {
    String cookie = signedZlib(Zlib.deflate(new byte[40 << 20]));
    assertThat(cookie.length()).isBetween(Flagon.MAX_COOKIE_VALUE_LENGTH, 64 * 1024);
    UrlSafeTimedSerializer codec = UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(SECRET)), Signing.flask());
    assertThat(allocatedBy(() -> codec.loads(cookie, NOW, 60), BadPayloadException.class)).isLessThan(MEMORY_BOUND);
    assertThat(flagon().openCookieValue(cookie).toMap()).as("refused by length first").isEmpty();
  }


  /** Issue 11: Flask's {@code tuple(value)} of a string is one string per character. */
  @Test
  void signedTupleOfAHalfMillionCharacterString_isBadPayloadWithinTheMemoryBound() {
    assertRefusedNamingAFlagonLimit("{\"a\":{\" t\":\"" + "x".repeat(500_000) + "\"}}", 1379);
  }

  /** Issue 11: each empty container is a map or list of its own. */
  @Test
  void signedEmptyDictsInTwoKilobytes_isBadPayloadWithinTheMemoryBound() {
    assertRefusedNamingAFlagonLimit("{\"a\":[" + "{},".repeat(170_000) + "{}]}", 2048);
  }

  /** Signed compressed, this JSON fits in a cookie shorter than {@code maxCookie}, and is refused. */
  private static void assertRefusedNamingAFlagonLimit(String json, int maxCookie) {
    String cookie = signedZlib(Zlib.deflate(json.getBytes(StandardCharsets.US_ASCII)));
    assertThat(cookie.length()).isLessThan(maxCookie);
    Flagon flagon = flagon();
    long allocated = allocatedBy(() -> flagon.openCookieValue(cookie), BadPayloadException.class);
    assertThatThrownBy(() -> flagon.openCookieValue(cookie)).hasMessageContaining("a Flagon limit")
        .hasMessageNotContaining("xxx").hasMessageNotContaining("{},");
    assertThat(allocated).isLessThan(MEMORY_BOUND);
  }

  @Test
  void signedDeepNesting_400000Brackets_isBadPayloadWithinTheMemoryBound() {
    String json = "{\"a\":" + "[".repeat(400_000) + "]".repeat(10) + "}";
    String cookie = signedZlib(Zlib.deflate(json.getBytes(StandardCharsets.US_ASCII)));
    Flagon flagon = flagon();
    long allocated = allocatedBy(() -> flagon.openCookieValue(cookie), BadPayloadException.class);
    assertThatThrownBy(() -> flagon.openCookieValue(cookie)).hasMessageContaining("exceeds a limit")
        .hasMessageContaining("512");
    assertThat(allocated).isLessThan(MEMORY_BOUND);
  }


  @Test
  void signedHugeNumber_isBadPayloadWithinTheMemoryBound() {
    String cookie = signedZlib(Zlib.deflate(("{\"a\":" + "9".repeat(500_000) + "}").getBytes(StandardCharsets.US_ASCII)));
    Flagon flagon = flagon();
    long allocated = allocatedBy(() -> flagon.openCookieValue(cookie), BadPayloadException.class);
    assertThatThrownBy(() -> flagon.openCookieValue(cookie)).hasMessageContaining("4300");
    assertThat(allocated).isLessThan(MEMORY_BOUND);
  }
}
