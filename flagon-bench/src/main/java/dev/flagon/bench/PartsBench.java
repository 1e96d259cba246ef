package dev.flagon.bench;

import dev.flagon.json.TaggedJson;
import dev.flagon.json.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The tagged JSON part of {@code SessionBench}'s loads and dumps, alone: reading Flask's text into the
 * session's Java values, and writing them back. With {@code SessionBench} in the same run, the report splits
 * a load or a dump into its JSON part and the rest (base64, zlib, HMAC), so it can say what bounds each.
 *
 * <p>{@code buildResult} makes the Java values a read returns (the same {@link LinkedHashMap}s,
 * {@link ArrayList}s, fresh strings and boxed numbers) by copying the session, without any text: what a
 * read costs even with parsing that took no time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PartsBench {
  @Param({"small", "medium", "large"})
  public String size;

  private TaggedJson json;
  private String text;
  private Object session;

  @Setup
  public void setUp() {
    BenchSessions sessions = BenchSessions.load();
    json = TaggedJson.standard();
    text = sessions.taggedJson(size);
    session = sessions.value(size);
    if (!jsonDumps().equals(text) || !jsonLoads().equals(session) || !buildResult().equals(session)) {
      throw new IllegalStateException("the " + size + " session does not round-trip through Flask's text");
    }
  }

  @Benchmark
  public Object jsonLoads() {
    return json.loads(text);
  }

  @Benchmark
  public String jsonDumps() {
    return json.dumps(session);
  }

  @Benchmark
  public Object buildResult() {
    return copy(session);
  }

  /** A deep copy with the classes a read makes; tuples, datetimes and other immutable values are shared. */
  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        copy.put(new String((String) e.getKey()), copy(e.getValue()));
      }
      return copy;
    }
    if (value instanceof List<?> list && !(value instanceof Tuple)) {
      List<Object> copy = new ArrayList<>();
      for (Object item : list) {
        copy.add(copy(item));
      }
      return copy;
    }
    if (value instanceof String text) {
      return new String(text);
    }
    if (value instanceof Double number) {
      return Double.valueOf(number.doubleValue() + 0.0); // a fresh box, as a read makes
    }
    return value; // Integer (boxed as a read boxes it), Boolean, null, tuples, datetimes
  }
}
