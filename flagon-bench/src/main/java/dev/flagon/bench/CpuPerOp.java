package dev.flagon.bench;

import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time per dump and per load of each benchmark session, measured with the thread's CPU clock (median
 * of 5 × 0.25 s after 1 s of warm-up). Unlike JMH's wall-clock throughput, a thread's CPU time does not
 * count the time other processes hold the core, so it compares builds of Flagon (scripts/bench-history)
 * fairly even on a shared machine; caches shared with those processes still add some noise.
 *
 * <p>Usage: {@code CpuPerOp LABEL}; prints one line: {@code LABEL dumps.small=us loads.small=us ...}. Uses
 * only API that every version of the codec has, so it can be compiled against old commits.
 */
public final class CpuPerOp {
  private static Object sink;

  private CpuPerOp() {}

  public static void main(String[] args) {
    BenchSessions sessions = BenchSessions.load();
    TaggedJson json = TaggedJson.standard();
    UrlSafeTimedSerializer serializer = sessions.serializer();
    long ts = sessions.timestamp;
    StringBuilder line = new StringBuilder(args.length > 0 ? args[0] : "HEAD");
    for (String size : BenchSessions.SIZES) {
      Object session = sessions.value(size);
      String cookie = sessions.cookie(size);
      if (!serializer.dumps(json.dumps(session), ts).equals(cookie)) {
        throw new IllegalStateException("this build does not reproduce Flask's " + size + " cookie");
      }
      Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
      ops.put("dumps", () -> serializer.dumps(json.dumps(session), ts));
      ops.put("loads", () -> json.loads(serializer.loads(cookie, ts, 1000).payload()));
      for (Map.Entry<String, Supplier<Object>> op : ops.entrySet()) {
        line.append(String.format(" %s.%s=%.3f", op.getKey(), size, cpuMicrosPerOp(op.getValue())));
      }
    }
    System.out.println(line);
  }

  /** The median of 5 × 0.25 s of the thread's CPU time per call, in µs, after 1 s of warm-up. */
  static double cpuMicrosPerOp(Supplier<Object> op) {
    ThreadMXBean clock = ManagementFactory.getThreadMXBean();
    long slice = 250_000_000L;
    long start = clock.getCurrentThreadCpuTime();
    while (clock.getCurrentThreadCpuTime() - start < 4 * slice) {
      for (int i = 0; i < 50; i++) {
        sink = op.get();
      }
    }
    double[] micros = new double[5];
    for (int r = 0; r < micros.length; r++) {
      long n = 0;
      long from = clock.getCurrentThreadCpuTime();
      long to;
      do {
        for (int i = 0; i < 50; i++) {
          sink = op.get();
        }
        n += 50;
        to = clock.getCurrentThreadCpuTime();
      } while (to - from < slice);
      micros[r] = (to - from) / 1000.0 / n;
    }
    Arrays.sort(micros);
    return micros[2];
  }
}
