package dev.flagon.codec;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * How to reuse an HMAC engine safely across threads, over the 31 bytes the small session's cookie signs:
 * a fresh clone of an initialized prototype per call (Flagon's first implementation), a {@code ThreadLocal}
 * {@link Mac}, and the bounded lock-free {@link Pool} Flagon uses now; plus {@code Mac.getInstance} +
 * {@code init} per call (the naive way) and one thread's reused Mac (the floor). Each at one thread and at
 * two (both cores). Not part of scripts/bench's default run: {@code scripts/bench --mac}.
 *
 * <p>In the core's package so it can use the package-private {@link Pool}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MacStrategyBench {
  private static final byte[] MESSAGE = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA".getBytes(StandardCharsets.US_ASCII);

  private SecretKeySpec key;
  private Mac prototype;
  private ThreadLocal<Mac> perThread;
  private Pool<Mac> pool;

  @State(Scope.Thread)
  public static class Own {
    Mac mac;
    byte[] out = new byte[20];

    @Setup
    public void setUp(MacStrategyBench shared) throws Exception {
      mac = shared.newMac();
    }
  }

  @Setup
  public void setUp() throws Exception {
    key = new SecretKeySpec("0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII), "HmacSHA1");
    prototype = newMac();
    perThread = ThreadLocal.withInitial(() -> {
      try {
        return newMac();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    pool = new Pool<>();
  }

  Mac newMac() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(key);
    return mac;
  }

  @Benchmark
  public byte[] naive() throws Exception {
    return newMac().doFinal(MESSAGE);
  }

  @Benchmark
  public byte[] clonePrototype() throws Exception {
    return ((Mac) prototype.clone()).doFinal(MESSAGE);
  }

  @Benchmark
  public byte[] threadLocal() {
    return perThread.get().doFinal(MESSAGE);
  }

  @Benchmark
  public byte[] pooled() throws Exception {
    Mac mac = pool.poll();
    if (mac == null) {
      mac = (Mac) prototype.clone();
    }
    byte[] result = mac.doFinal(MESSAGE);
    pool.offer(mac);
    return result;
  }

  @Benchmark
  public byte[] floorReused(Own own) {
    return own.mac.doFinal(MESSAGE);
  }

  @Benchmark
  @Threads(2)
  public byte[] clonePrototype2Threads() throws Exception {
    return clonePrototype();
  }

  @Benchmark
  @Threads(2)
  public byte[] threadLocal2Threads() {
    return threadLocal();
  }

  @Benchmark
  @Threads(2)
  public byte[] pooled2Threads() throws Exception {
    return pooled();
  }

  @Benchmark
  @Threads(2)
  public byte[] floorReused2Threads(Own own) {
    return own.mac.doFinal(MESSAGE);
  }
}
