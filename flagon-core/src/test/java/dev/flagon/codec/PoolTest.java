package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.codec.Signing.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The engine {@link Pool}: bounded, exclusive under threads, and pooled HMAC engines give fresh ones' MACs. */
class PoolTest {

  @Test
  void pool_offerAndPoll_boundedAndExclusive() {
    Pool<Object> pool = new Pool<>();
    assertThat(pool.poll()).isNull();
    int slots = Math.max(4, 4 * Runtime.getRuntime().availableProcessors()); // 2 per CPU rounded up, at least 4
    List<Object> offered = new ArrayList<>();
    for (Object o = new Object(); pool.offer(o); o = new Object()) {
      offered.add(o);
      assertThat(offered).as("a full pool refuses").hasSizeLessThanOrEqualTo(slots);
    }
    assertThat(offered).hasSizeGreaterThanOrEqualTo(4);
    List<Object> taken = new ArrayList<>();
    for (Object o = pool.poll(); o != null; o = pool.poll()) {
      taken.add(o);
    }
    assertThat(taken).containsExactlyInAnyOrderElementsOf(offered);
  }

  @Test
  void pool_sharedByThreads_neverHandsOneObjectToTwo() throws Exception {
    Pool<AtomicBoolean> pool = new Pool<>();
    AtomicInteger created = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(threads.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            AtomicBoolean inUse = pool.poll();
            if (inUse == null) {
              inUse = new AtomicBoolean();
              created.incrementAndGet();
            }
            assertThat(inUse.compareAndSet(false, true)).as("object held by another thread").isTrue();
            inUse.set(false);
            pool.offer(inUse);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(created.get()).as("objects created for 160,000 uses").isLessThan(10_000);
  }

  @Test
  void hmacKey_pooledEngines_sameMacAsFreshOnes() throws Exception {
    Signer.HmacKey key = new Signer.HmacKey(Digest.SHA1, "k".getBytes(StandardCharsets.US_ASCII));
    Mac fresh = Mac.getInstance("HmacSHA1");
    fresh.init(new SecretKeySpec("k".getBytes(StandardCharsets.US_ASCII), "HmacSHA1"));
    for (int n = 0; n < 300; n++) {
      byte[] message = new byte[n];
      Arrays.fill(message, (byte) n);
      assertThat(key.mac(message, message.length)).isEqualTo(fresh.doFinal(message));
    }
  }
}
