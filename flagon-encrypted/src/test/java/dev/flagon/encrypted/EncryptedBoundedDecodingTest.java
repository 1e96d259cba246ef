package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.codec.BadPayloadException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Correctly encrypted hostile payloads, as only a key holder could make them: a zip bomb and deep nesting
 * end in typed errors within the memory bound of core's {@code BoundedDecodingTest}, measured per thread
 * with {@link ThreadMXBean#getThreadAllocatedBytes}.
 */
class EncryptedBoundedDecodingTest {
  private static final String SECRET = "bounded-decoding-test-key-0001";
  private static final long NOW = 1_700_000_000L;
  /** As in core's BoundedDecodingTest: a few copies of the 512 KiB inflate cap. */
  private static final long MEMORY_BOUND = 16L << 20;
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final Flagon FLAGON = Flagon.create(FlagonConfig.builder().secretKey(SECRET)
      .sessionFormat(EncryptedFormats.ENCRYPTED).clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
      .build());

  /** Runs the decode twice (the first warms up classes and JIT) and returns the bytes the second allocated. */
  private static long allocatedBy(ThrowingCallable decode, Class<? extends Throwable> expected) {
    assertThatThrownBy(decode).isInstanceOf(expected);
    long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    assertThatThrownBy(decode).isInstanceOf(expected);
    return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
  }

  @Test
  void encryptedZipBomb_10MiBOfZerosIn16KiB_isBadPayloadWithinTheMemoryBound() {
    JweForge forge = JweForge.forSecret(SECRET, "session");
    String cookie = forge.seal(forge.header(NOW, NOW + 60, true),
        JweForge.rawDeflate(("{\"a\":\"" + "0".repeat(10 << 20) + "\"}").getBytes(StandardCharsets.US_ASCII)));
    assertThat(cookie.length()).isLessThanOrEqualTo(Flagon.MAX_COOKIE_VALUE_LENGTH);
    long allocated = allocatedBy(() -> FLAGON.openCookieValue(cookie), BadPayloadException.class);
    assertThatThrownBy(() -> FLAGON.openCookieValue(cookie)).hasMessageContaining("inflates beyond 524288");
    assertThat(allocated).isLessThan(MEMORY_BOUND);
  }

  @Test
  void encryptedDeepNesting_isBadPayloadWithinTheMemoryBound() {
    JweForge forge = JweForge.forSecret(SECRET, "session");
    String json = "{\"a\":" + "[".repeat(1_000_000) + "}";
    String cookie = forge.seal(forge.header(NOW, NOW + 60, true),
        JweForge.rawDeflate(json.getBytes(StandardCharsets.US_ASCII)));
    long allocated = allocatedBy(() -> FLAGON.openCookieValue(cookie), BadPayloadException.class);
    assertThat(allocated).isLessThan(MEMORY_BOUND);
  }
}
