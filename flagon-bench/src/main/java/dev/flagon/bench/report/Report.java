package dev.flagon.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes the measured part of {@code docs/benchmarks.md} (between its {@code results} markers, so the
 * hand-written method and analysis around it stay) and the chart {@code docs/benchmarks.png} from one
 * {@code scripts/bench} run's raw results. Only measured numbers go in: a part that did not run says so.
 *
 * <p>Usage: {@code Report RESULTS_DIR docs/benchmarks.md docs/benchmarks.png}; RESULTS_DIR holds
 * {@code jmh.json}, {@code parts.json}, {@code python-1.json} ... (older runs: {@code python.json}), {@code sizes.json},
 * {@code machine.json} and, when those parts ran,
 * {@code http.json}, {@code redis.json}, {@code revocation.json} and {@code memory.json}.
 */
public final class Report {
  static final String BEGIN = "<!-- results:begin (written by scripts/bench; do not edit by hand) -->";
  static final String END = "<!-- results:end -->";
  static final List<String> SIZES = List.of("small", "medium", "large");

  private final ObjectMapper mapper = new ObjectMapper();
  private final Path dir;
  private final StringBuilder md = new StringBuilder();
  /** benchmark name, size -> result */
  private final Map<String, Map<String, Jmh>> jmh = new LinkedHashMap<>();
  private JsonNode python;
  private JsonNode sizes;
  private final List<Target> targets = new ArrayList<>();

  /**
   * One benchmark's result: {@code best} is its fastest fork's mean (the largest for ops/s, the smallest for a
   * time per operation), {@code slowest} its slowest fork's; what the report uses is {@code best} (see
   * {@link #ops}).
   */
  record Jmh(double best, double slowest, double allocBytes) {}

  record Target(String what, String goal, String measured, Boolean met) {}

  private Report(Path dir) {
    this.dir = dir;
  }

  public static void main(String[] args) throws IOException {
    Report report = new Report(Path.of(args[0]));
    String section = report.build();
    Path markdown = Path.of(args[1]);
    String text = Files.exists(markdown) ? Files.readString(markdown) : BEGIN + "\n" + END + "\n";
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException(markdown + " lacks the results markers");
    }
    Files.writeString(markdown, text.substring(0, begin) + BEGIN + "\n" + section + END + text.substring(end + END.length()));
    Chart.write(report.chartBars(), Path.of(args[2]));
  }

  private String build() throws IOException {
    readJmh();
    python = readPython();
    sizes = read("sizes.json");
    JsonNode machine = read("machine.json");
    machine(machine);
    codec();
    allocation();
    if (jmh.containsKey("jsonLoads")) {
      parts();
    }
    JsonNode mac = read("mac.json");
    if (mac != null) {
      mac(mac);
    }
    JsonNode http = read("http.json");
    if (http != null) {
      http(http);
    } else {
      md.append("\n### HTTP\n\nNot run in this measurement (`scripts/bench --no-http`).\n");
    }
    RedisSection.write(read("redis.json"), read("revocation.json"), machine, md, targets);
    JsonNode memory = read("memory.json");
    if (memory != null) {
      memory(memory);
    } else {
      md.append("\n### Memory scaling\n\nNot run in this measurement (`scripts/bench --no-memory`).\n");
    }
    StringBuilder head = new StringBuilder();
    head.append("\n### Targets (the issue's contract)\n\n| target | goal | measured | met |\n| --- | --- | --- | --- |\n");
    for (Target t : targets) {
      head.append("| ").append(t.what).append(" | ").append(t.goal).append(" | ").append(t.measured).append(" | ")
          .append(t.met == null ? "report" : t.met ? "yes" : "**no**").append(" |\n");
    }
    int firstSection = md.indexOf("\n### Codec");
    md.insert(firstSection, head);
    return md.toString();
  }

  /**
   * itsdangerous' results: the passes {@code python-1.json}, {@code python-2.json}, ... merged, each figure
   * its fastest repeat over every pass (older runs have one {@code python.json}).
   */
  private JsonNode readPython() throws IOException {
    List<JsonNode> passes = new ArrayList<>();
    for (int i = 1; Files.exists(dir.resolve("python-" + i + ".json")); i++) {
      passes.add(read("python-" + i + ".json"));
    }
    if (passes.isEmpty()) {
      return read("python.json");
    }
    var merged = passes.get(0).deepCopy();
    for (String size : SIZES) {
      for (String op : List.of("loads", "dumps")) {
        double fastest = 0;
        for (JsonNode pass : passes) {
          fastest = Math.max(fastest, pass.path(size).path(op).path("max").asDouble(0));
        }
        ((ObjectNode) merged.path(size).path(op)).put("max", fastest);
      }
    }
    return merged;
  }

  private JsonNode read(String name) throws IOException {
    Path file = dir.resolve(name);
    return Files.exists(file) ? mapper.readTree(file.toFile()) : null;
  }

  private void readJmh() throws IOException {
    readJmh(dir.resolve("jmh.json"));
    if (Files.exists(dir.resolve("parts.json"))) { // runs from before the parts were measured lack it
      readJmh(dir.resolve("parts.json"));
    }
  }

  private void readJmh(Path file) throws IOException {
    for (JsonNode run : mapper.readTree(file.toFile())) {
      String name = run.get("benchmark").asText();
      name = name.substring(name.lastIndexOf('.') + 1);
      String size = run.path("params").path("size").asText("-");
      boolean perSecond = run.get("primaryMetric").get("scoreUnit").asText().endsWith("/s");
      double[] forks = forkMeanRange(run);
      double alloc = Double.NaN;
      var it = run.path("secondaryMetrics").fields();
      while (it.hasNext()) {
        var e = it.next();
        if (e.getKey().endsWith("gc.alloc.rate.norm")) {
          alloc = e.getValue().get("score").asDouble();
        }
      }
      jmh.computeIfAbsent(name, k -> new LinkedHashMap<>())
          .put(size, perSecond ? new Jmh(forks[1], forks[0], alloc) : new Jmh(forks[0], forks[1], alloc));
    }
  }

  /** The smallest and the largest of a JMH result's fork means (each fork's iterations averaged). */
  private static double[] forkMeanRange(JsonNode run) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (JsonNode fork : run.get("primaryMetric").get("rawData")) {
      double sum = 0;
      for (JsonNode iteration : fork) {
        sum += iteration.asDouble();
      }
      min = Math.min(min, sum / fork.size());
      max = Math.max(max, sum / fork.size());
    }
    return new double[] {min, max};
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /**
   * A benchmark's speed: its fastest fork's mean. This host only ever slows a run down (other work, stolen
   * or slowed cores), so the fastest fork is the one least disturbed, as Python's {@code timeit} takes the
   * fastest repeat; every figure, Flagon's, the floors', jjwt's and itsdangerous', is taken the same way.
   */
  double ops(String bench, String size) {
    Map<String, Jmh> bySize = jmh.get(bench);
    return bySize == null || !bySize.containsKey(size) ? Double.NaN : bySize.get(size).best;
  }

  /** itsdangerous' fastest repeat (older results without one: their median). */
  double py(String op, String size) {
    JsonNode result = python == null ? null : python.path(size).path(op);
    return result == null ? Double.NaN : result.path("max").asDouble(result.path("ops_per_s").asDouble(Double.NaN));
  }

  private void machine(JsonNode m) {
    md.append("\nMeasured ").append(m.path("date").asText()).append(" on ").append(m.path("cpu").asText())
        .append(", ").append(m.path("cores").asText()).append(" cores, ").append(m.path("memory").asText())
        .append("; ").append(m.path("jdk").asText()).append("; Python ").append(python.path("versions").path("python").asText())
        .append(", Flask ").append(python.path("versions").path("flask").asText()).append(", itsdangerous ")
        .append(python.path("versions").path("itsdangerous").asText()).append("; commit `").append(m.path("commit").asText())
        .append("`.\nJMH: ").append(m.path("jmh_args").asText()).append(" (one run; each figure is its fastest fork's mean, as explained above;")
        .append(" ratios are taken within this run).\n");
    double before = m.path("load_before").asDouble();
    double after;
    if (m.has("load_after_codec")) {
      after = m.path("load_after_codec").asDouble();
      md.append("Load average (1 min) before the run: ").append(fmt(before, 2)).append(", after the codec part: ")
          .append(fmt(after, 2)).append(" (the HTTP and memory parts load both cores themselves).\n");
    } else { // results from before the codec part's load was recorded
      after = before;
      md.append("Load average (1 min) before the run: ").append(fmt(before, 2)).append(", after the whole run: ")
          .append(fmt(m.path("load_after").asDouble(), 2)).append(" (that includes the run's own HTTP and memory parts).\n");
    }
    if (m.hasNonNull("note")) {
      md.append("\n").append(m.get("note").asText()).append("\n");
    }
    double steal = Math.max(m.path("steal_pct_codec").asDouble(0), m.path("steal_pct_http").asDouble(0));
    if (m.has("steal_pct_codec")) {
      md.append("Steal time (CPU the host gave to other virtual machines): ").append(fmt(m.path("steal_pct_codec").asDouble(), 1))
          .append(" % during the codec part, ").append(fmt(m.path("steal_pct_http").asDouble(), 1)).append(" % during HTTP.\n");
    }
    // Other processes' share of the CPU during the codec part, measured as busy time that was not the run's
    // own. Older results lack it and fall back to the load average after the codec part, which the run's own
    // JIT and GC threads already push above 1 on two cores.
    boolean othersMeasured = m.has("others_pct_codec");
    double others = m.path("others_pct_codec").asDouble(0);
    if (othersMeasured) {
      md.append("Other processes used ").append(fmt(others, 1))
          .append(" % of the machine's CPU during the codec part (busy time that was not the run's own).\n");
    }
    // With other processes' CPU measured, the load average (which a run started right after another one
    // inherits for minutes) is not needed to tell whether something shared the machine.
    boolean busyBefore = !othersMeasured && (before > 1.0 || after > 1.0);
    if (busyBefore || steal > 2.0 || others > 3.0 || m.path("under_load").asBoolean(false)) {
      md.append("\n> **Measured under load**: other processes (or, with steal time, other virtual machines) shared the 2 cores during this run, so absolute numbers"
          + " are low and noisy and ratios are less reliable than on a quiet machine.\n");
    }
  }

  private void codec() {
    md.append("\n### Codec (ops/s, one thread; higher is better)\n\n");
    md.append("| session | JSON bytes | cookie bytes | jjwt token bytes | Flagon loads | itsdangerous loads | jjwt parse"
        + " | HMAC floor | format floor (HMAC + inflate) | Flagon dumps | itsdangerous dumps | jjwt build"
        + " | format floor (zlib + HMAC) |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (String s : SIZES) {
      JsonNode z = sizes.path(s);
      md.append("| ").append(s).append(" | ").append(z.path("json_bytes").asText()).append(" | ")
          .append(z.path("cookie_bytes").asText()).append(z.path("compressed").asBoolean() ? " (zlib)" : "").append(" | ")
          .append(z.path("jwt_bytes").asText()).append(" | ")
          .append(num(ops("flagonLoads", s))).append(" | ").append(num(py("loads", s))).append(" | ")
          .append(num(ops("jjwtParse", s))).append(" | ").append(num(ops("floorHmac", s))).append(" | ")
          .append(num(ops("floorFormatLoads", s))).append(" | ").append(num(ops("flagonDumps", s))).append(" | ").append(num(py("dumps", s))).append(" | ")
          .append(num(ops("jjwtBuild", s))).append(" | ").append(num(ops("floorFormatDumps", s))).append(" |\n");
    }
    md.append("\nRatios (Flagon's speed divided by the other's; for the floors, the floor's speed divided by Flagon's,"
        + " i.e. how many times slower than the floor Flagon is):\n\n");
    md.append("| session | loads ÷ itsdangerous | loads ÷ jjwt parse | HMAC floor ÷ loads | format floor ÷ loads"
        + " | format floor ÷ itsdangerous loads | dumps ÷ itsdangerous | dumps ÷ jjwt build | format floor ÷ dumps"
        + " | format floor ÷ itsdangerous dumps |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (String s : SIZES) {
      md.append("| ").append(s).append(" | ")
          .append(ratio(ops("flagonLoads", s) / py("loads", s))).append(" | ")
          .append(ratio(ops("flagonLoads", s) / ops("jjwtParse", s))).append(" | ")
          .append(ratio(ops("floorHmac", s) / ops("flagonLoads", s))).append(" | ")
          .append(ratio(ops("floorFormatLoads", s) / ops("flagonLoads", s))).append(" | ")
          .append(ratio(ops("floorFormatLoads", s) / py("loads", s))).append(" | ")
          .append(ratio(ops("flagonDumps", s) / py("dumps", s))).append(" | ")
          .append(ratio(ops("flagonDumps", s) / ops("jjwtBuild", s))).append(" | ")
          .append(ratio(ops("floorFormatDumps", s) / ops("flagonDumps", s))).append(" | ")
          .append(ratio(ops("floorFormatDumps", s) / py("dumps", s))).append(" |\n");
    }
    md.append("\n\"Format floor ÷ itsdangerous loads\" is the most a load could beat itsdangerous by on this machine"
        + " with a JSON reader that took no time: the HMAC and the inflate alone cost that much. \"Format floor ÷"
        + " itsdangerous dumps\" is the same bound for a dump with a JSON writer that took no time (one zlib"
        + " compression and the HMAC); for the small session, where Flagon provably skips zlib, the bound is the"
        + " HMAC floor's instead.\n");
    md.append("\nSpread: the slowest fork's mean as % of the fastest's, for each Flagon benchmark (and the HMAC"
        + " floor, whose code is the JDK's alone: its spread is the machine's own): ");
    List<String> spreads = new ArrayList<>();
    boolean unsettled = false;
    for (String b : List.of("flagonLoads", "flagonDumps", "floorHmac")) {
      for (String s : SIZES) {
        Jmh r = jmh.getOrDefault(b, Map.of()).get(s);
        if (r != null) {
          spreads.add(b + "/" + s + " " + fmt(100 * r.slowest / r.best, 0) + " %");
          unsettled |= r.slowest < 0.9 * r.best;
        }
      }
    }
    md.append(String.join(", ", spreads)).append(".\n");
    if (unsettled) {
      md.append("\n> **Forks disagree**: some benchmark above has a fork more than 10 % slower than its fastest, a sign that"
          + " the JIT had not settled within the warm-up, that something else ran, or (when the HMAC floor's forks"
          + " disagree too) that the host slowed this virtual machine's cores; read those rows with care.\n");
    }
    md.append("\n![Flagon's speed as a multiple of itsdangerous, jjwt and the floors](benchmarks.png)\n");

    for (String s : SIZES) {
      double goal = s.equals("small") ? 40 : 8;
      check("loads vs itsdangerous, " + s, "≥ " + fmt(goal, 0) + "×", ops("flagonLoads", s) / py("loads", s), goal, true);
    }
    check("loads vs HMAC floor, small", "floor ÷ loads ≤ 2.5", ops("floorHmac", "small") / ops("flagonLoads", "small"), 2.5, false);
    for (String s : SIZES) {
      double goal = s.equals("small") ? 12 : 6;
      check("dumps vs itsdangerous, " + s, "≥ " + fmt(goal, 0) + "×", ops("flagonDumps", s) / py("dumps", s), goal, true);
    }
    for (String s : SIZES) {
      check("dumps vs format floor (zlib + HMAC), " + s, "floor ÷ dumps ≤ 1.2",
          ops("floorFormatDumps", s) / ops("flagonDumps", s), 1.2, false);
    }
    for (String s : SIZES) {
      check("loads vs jjwt parse, " + s, "≥ 3×", ops("flagonLoads", s) / ops("jjwtParse", s), 3, true);
    }
    check("dumps vs jjwt build, small", "≥ 1.5×", ops("flagonDumps", "small") / ops("jjwtBuild", "small"), 1.5, true);
    for (String s : List.of("medium", "large")) {
      targets.add(new Target("dumps vs jjwt build, " + s, "report speed and size",
          ratio(ops("flagonDumps", s) / ops("jjwtBuild", s)) + "; cookie " + sizes.path(s).path("cookie_bytes").asText()
              + " B vs token " + sizes.path(s).path("jwt_bytes").asText() + " B", null));
    }
  }

  private void check(String what, String goal, double value, double limit, boolean atLeast) {
    boolean met = atLeast ? value >= limit : value <= limit;
    targets.add(new Target(what, goal, Double.isNaN(value) ? "not measured" : ratio(value), Double.isNaN(value) ? null : met));
  }

  private void allocation() {
    md.append("\n### Allocation (bytes per operation, JMH `-prof gc`)\n\n| benchmark | small | medium | large |\n")
        .append("| --- | ---: | ---: | ---: |\n");
    for (String b : List.of("flagonLoads", "flagonDumps", "jjwtParse", "jjwtBuild", "floorHmac", "floorFormatLoads",
        "floorFormatDumps")) {
      md.append("| ").append(b);
      for (String s : SIZES) {
        Jmh r = jmh.getOrDefault(b, Map.of()).get(s);
        md.append(" | ").append(r == null || Double.isNaN(r.allocBytes) ? "–" : String.format(Locale.ROOT, "%,.0f", r.allocBytes));
      }
      md.append(" |\n");
    }
    for (String b : List.of("flagonLoads", "flagonDumps")) {
      Jmh r = jmh.getOrDefault(b, Map.of()).get("small");
      double v = r == null ? Double.NaN : r.allocBytes;
      targets.add(new Target("allocation, small " + (b.endsWith("Loads") ? "load" : "dump"), "≤ 1 KB",
          Double.isNaN(v) ? "not measured" : fmt(v, 0) + " B", Double.isNaN(v) ? null : v <= 1024));
    }
  }

  /** The JSON part of each load and dump, and the core's part of an HTTP request (PartsBench, RequestBench). */
  private void parts() {
    md.append("\n### Where the time goes (µs per operation, one thread; `PartsBench` and `RequestBench`)\n\n")
        .append("The JSON columns are `TaggedJson.loads` / `dumps` alone; the rest of a load is the verification,")
        .append(" base64 and inflate, the rest of a dump zlib, the HMAC and base64. \"Building the result\" makes the")
        .append(" Java values a read returns (the same `LinkedHashMap`s, lists, strings and boxed numbers) by copying")
        .append(" the session, with no text at all: what a read would cost if parsing took no time.\n\n")
        .append("| session | load | JSON read | building the result | rest of the load | dump | JSON write | rest of the dump |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (String s : SIZES) {
      double load = 1e6 / ops("flagonLoads", s);
      double read = 1e6 / ops("jsonLoads", s);
      double dump = 1e6 / ops("flagonDumps", s);
      double write = 1e6 / ops("jsonDumps", s);
      double build = 1e6 / ops("buildResult", s);
      md.append("| ").append(s).append(" | ").append(fmt(load, 2)).append(" | ").append(fmt(read, 2))
          .append(" (").append(fmt(100 * read / load, 0)).append(" %) | ")
          .append(Double.isNaN(build) ? "–" : fmt(build, 2) + " (" + fmt(100 * build / read, 0) + " % of the read)")
          .append(" | ").append(fmt(load - read, 2)).append(" | ")
          .append(fmt(dump, 2)).append(" | ").append(fmt(write, 2)).append(" (").append(fmt(100 * write / dump, 0))
          .append(" %) | ").append(fmt(dump - write, 2)).append(" |\n");
    }
    Jmh read = jmh.getOrDefault("requestRead", Map.of()).get("-");
    Jmh write = jmh.getOrDefault("requestWrite", Map.of()).get("-");
    if (read != null && write != null) {
      md.append("\nThe core's part of one HTTP request of the runs below, without HTTP (`Flagon.open`, the route's")
          .append(" session use, `Flagon.save`, on the small login session): read path (`GET /`) ")
          .append(fmt(read.best / 1000, 2)).append(" µs and ").append(fmt(read.allocBytes, 0))
          .append(" bytes allocated; write path (`GET /write`, signs and formats a `Set-Cookie`) ")
          .append(fmt(write.best / 1000, 2)).append(" µs and ").append(fmt(write.allocBytes, 0)).append(" bytes.\n");
    }
  }

  private void mac(JsonNode runs) {
    md.append("\n### Reusing HMAC engines across threads (HMAC-SHA1 over the small cookie's 30 signed bytes)\n\n")
        .append("| strategy | 1 thread, ops/s | 2 threads, ops/s (total) | bytes/op |\n| --- | ---: | ---: | ---: |\n");
    Map<String, double[]> rows = new LinkedHashMap<>();
    for (JsonNode run : runs) {
      String name = run.get("benchmark").asText();
      name = name.substring(name.lastIndexOf('.') + 1);
      boolean two = name.endsWith("2Threads");
      String base = two ? name.substring(0, name.length() - "2Threads".length()) : name;
      double[] row = rows.computeIfAbsent(base, k -> new double[] {Double.NaN, Double.NaN, Double.NaN});
      row[two ? 1 : 0] = forkMeanRange(run)[1]; // ops/s: as for every other figure, the fastest fork
      var it = run.path("secondaryMetrics").fields();
      while (it.hasNext() && !two) {
        var e = it.next();
        if (e.getKey().endsWith("gc.alloc.rate.norm")) {
          row[2] = e.getValue().get("score").asDouble();
        }
      }
    }
    Map<String, String> labels = Map.of("naive", "`Mac.getInstance` + `init` per call",
        "clonePrototype", "clone of an initialized prototype per call (Flagon before)",
        "threadLocal", "`ThreadLocal<Mac>`", "pooled", "bounded lock-free pool (Flagon now)",
        "floorReused", "one reused `Mac` per thread (the floor)");
    for (var e : rows.entrySet()) {
      double[] r = e.getValue();
      md.append("| ").append(labels.getOrDefault(e.getKey(), e.getKey())).append(" | ").append(num(r[0])).append(" | ")
          .append(num(r[1])).append(" | ").append(Double.isNaN(r[2]) ? "–" : fmt(r[2], 0)).append(" |\n");
    }
  }

  private void http(JsonNode http) {
    md.append("\n### HTTP (wrk, ").append(http.path("connections").asInt()).append(" connections, ")
        .append(http.path("rounds").asInt()).append(" alternating rounds of ").append(http.path("duration_s").asInt())
        .append(" s per server and route; servers pinned to CPU ").append(http.path("server_cpu").asText())
        .append(", wrk to CPU ").append(http.path("client_cpu").asText()).append("; Java servers ")
        .append(String.join(" ", mapper.convertValue(http.path("jvm_flags"), String[].class))).append(")\n\n");
    md.append("Medians over the rounds. CPU/req is the server's own CPU time (user + system, all its threads and"
        + " worker processes) divided by the requests served. \"Over no session\" is the median, over the rounds, of"
        + " the difference to the no-session server in the same round and route (rounds alternate the servers' order,"
        + " so a drift during the run moves both sides of a difference alike); in brackets, the middle half of those"
        + " differences (from the lower to the upper quartile), which shows how much the rounds disagreed.\n\n");
    md.append("| server | route | req/s | p50 | p99 | server CPU/req | CPU/req over no session |\n")
        .append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
    Map<String, Map<String, double[]>> med = new LinkedHashMap<>();
    for (JsonNode server : http.get("servers")) {
      String name = server.get("name").asText();
      for (String route : List.of("read", "write")) {
        JsonNode runs = http.path("runs").path(name).path(route);
        double[] v = {
          medianOf(runs, "rps"), medianOf(runs, "p50_us"), medianOf(runs, "p99_us"), medianOf(runs, "cpu_us_per_req")
        };
        med.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(route, v);
      }
    }
    Map<String, Map<String, Double>> over = new LinkedHashMap<>();
    for (JsonNode server : http.get("servers")) {
      String name = server.get("name").asText();
      for (String route : List.of("read", "write")) {
        over.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(route, pairedOver(http, name, route));
      }
    }
    for (JsonNode server : http.get("servers")) {
      String name = server.get("name").asText();
      for (String route : List.of("read", "write")) {
        double[] v = med.get(name).get(route);
        double extra = over.get(name).get(route);
        md.append("| ").append(server.get("label").asText()).append(" | ")
            .append(route.equals("read") ? "GET / (read)" : "GET /write (write)").append(" | ")
            .append(num(v[0])).append(" | ").append(micros(v[1])).append(" | ").append(micros(v[2])).append(" | ")
            .append(fmt(v[3], 1)).append(" µs | ")
            .append(name.equals("none") ? "–" : signed(extra) + " µs " + quartiles(http, name, route)).append(" |\n");
      }
    }
    double flagon = over.get("flagon").get("read");
    double session = over.get("httpsession").get("read");
    targets.add(new Target("HTTP read path, server CPU/req over no session", "≤ +1.5 µs, below HttpSession's",
        signed(flagon) + " µs (HttpSession " + signed(session) + " µs)",
        flagon <= 1.5 && flagon < session));
    double ratio = med.get("flagon").get("read")[0] / med.get("flask").get("read")[0];
    targets.add(new Target("HTTP read path, req/s vs Flask + gunicorn", "≥ 15×", ratio(ratio), ratio >= 15));
    targets.add(new Target("HTTP write path", "report", signed(over.get("flagon").get("write"))
        + " µs CPU/req over no session; " + num(med.get("flagon").get("write")[0]) + " req/s", null));
  }

  /** A difference with its sign: +4.0 or -0.8. */
  private static String signed(double value) {
    return (value >= 0 ? "+" : "") + fmt(value, 1);
  }

  /** The median over rounds of a server's CPU/req minus the no-session server's in the same round. */
  private static double pairedOver(JsonNode http, String name, String route) {
    List<Double> diffs = pairedDiffs(http, name, route);
    return diffs.isEmpty() ? Double.NaN : median(diffs);
  }

  /** "(+1.2 … +1.9)": the lower and upper quartiles of the same-round differences. */
  private static String quartiles(JsonNode http, String name, String route) {
    double[] q = middleHalf(pairedDiffs(http, name, route));
    return q == null ? "" : "(" + signed(q[0]) + " … " + signed(q[1]) + ")";
  }

  /** The lower and upper quartiles of per-round values, or null with fewer than four rounds. */
  static double[] middleHalf(List<Double> values) {
    double[] d = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return d.length < 4 ? null : new double[] {d[(d.length - 1) / 4], d[d.length - 1 - (d.length - 1) / 4]};
  }

  private static List<Double> pairedDiffs(JsonNode http, String name, String route) {
    JsonNode runs = http.path("runs").path(name).path(route);
    JsonNode base = http.path("runs").path("none").path(route);
    List<Double> diffs = new ArrayList<>();
    for (int i = 0; i < Math.min(runs.size(), base.size()); i++) {
      diffs.add(runs.get(i).path("cpu_us_per_req").asDouble() - base.get(i).path("cpu_us_per_req").asDouble());
    }
    return diffs;
  }

  private static double medianOf(JsonNode runs, String field) {
    return medianOf(runs, r -> r.path(field).asDouble());
  }

  /** The median over a server's rounds of one figure of each round. */
  static double medianOf(JsonNode runs, ToDoubleFunction<JsonNode> field) {
    List<Double> v = new ArrayList<>();
    runs.forEach(r -> v.add(field.applyAsDouble(r)));
    return v.isEmpty() ? Double.NaN : median(v);
  }

  private void memory(JsonNode memory) {
    md.append("\n### Memory scaling (heap after full GC; server pinned to one core, ")
        .append(memory.path("server_jvm").asText()).append(")\n\n");
    md.append("| server | users | heap after GC | slope from the previous point |\n| --- | ---: | ---: | ---: |\n");
    Map<String, Double> slopes = new LinkedHashMap<>();
    var it = memory.path("variants").fields();
    while (it.hasNext()) {
      var e = it.next();
      JsonNode prev = null;
      for (JsonNode p : e.getValue()) {
        String slope = "–";
        if (prev != null) {
          double s = (p.get("heap_bytes").asDouble() - prev.get("heap_bytes").asDouble())
              / (p.get("users").asDouble() - prev.get("users").asDouble());
          slope = fmt(s, 1) + " B/user";
          if (prev.get("users").asLong() > 0) {
            slopes.put(e.getKey(), s);
          }
        }
        md.append("| ").append(e.getKey().equals("flagon") ? "Jetty 12 + FlagonFilter" : "Jetty 12 + in-memory HttpSession")
            .append(" | ").append(num(p.get("users").asDouble())).append(" | ")
            .append(fmt(p.get("heap_bytes").asDouble() / (1 << 20), 1)).append(" MiB | ").append(slope).append(" |\n");
        prev = p;
      }
    }
    if (slopes.containsKey("flagon")) {
      double f = slopes.get("flagon");
      targets.add(new Target("memory, heap slope per user (last two points)", "flat with Flagon",
          "Flagon " + fmt(f, 2) + " B/user; HttpSession " + fmt(slopes.getOrDefault("httpsession", Double.NaN), 0) + " B/user",
          Math.abs(f) < 1.0));
    }
  }

  /** The format's floor for a load (HMAC + inflate); older runs only measured the HMAC. */
  private String loadFloor() {
    return jmh.containsKey("floorFormatLoads") ? "floorFormatLoads" : "floorHmac";
  }

  List<Chart.Group> chartBars() {
    List<Chart.Group> groups = new ArrayList<>();
    for (String op : List.of("loads", "dumps")) {
      for (String s : SIZES) {
        String flagon = op.equals("loads") ? "flagonLoads" : "flagonDumps";
        double mine = ops(flagon, s);
        groups.add(new Chart.Group(op + "\n" + s, new double[] {
          mine / py(op, s),
          mine / ops(op.equals("loads") ? "jjwtParse" : "jjwtBuild", s),
          mine / ops(op.equals("loads") ? loadFloor() : "floorFormatDumps", s)
        }));
      }
    }
    return groups;
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (v >= 1e6) {
      return fmt(v / 1e6, 2) + " M";
    }
    if (v >= 1e4) {
      return fmt(v / 1e3, 0) + " k";
    }
    if (v >= 1e3) {
      return fmt(v / 1e3, 1) + " k";
    }
    return fmt(v, 0);
  }

  static String micros(double us) {
    return us >= 1000 ? fmt(us / 1000, 2) + " ms" : fmt(us, 0) + " µs";
  }

  static String ratio(double v) {
    return Double.isNaN(v) ? "–" : fmt(v, v >= 10 ? 1 : 2) + "×";
  }

  static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
