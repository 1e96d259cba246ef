package dev.flagon.bench;

import dev.flagon.json.TaggedJson;
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
    if (!jsonDumps().equals(text) || !jsonLoads().equals(session)) {
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
}
