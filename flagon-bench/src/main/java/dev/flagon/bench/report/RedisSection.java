package dev.flagon.bench.report;

import static dev.flagon.bench.report.Report.fmt;
import static dev.flagon.bench.report.Report.median;
import static dev.flagon.bench.report.Report.medianOf;
import static dev.flagon.bench.report.Report.micros;
import static dev.flagon.bench.report.Report.num;
import static dev.flagon.bench.report.Report.ratio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The "Sessions on Redis" part of the report, from {@code redis.json} ({@code http_load.py --redis}): each
 * server's requests/s, latency and CPU per request (its own and redis-server's) on the read and write routes,
 * and the target, Flagon on Redis against Spring Session Data Redis: at least 1.2× the requests/s at
 * no more CPU per request, counted both as the server's own CPU and as the server's plus Redis's; the load
 * the machine was under meanwhile; and, from {@code revocation.json} ({@code RevocationBench}), what
 * {@code RedisRevocations} adds to a cookie session's request with a warm cache (target: at most 1 µs).
 */
final class RedisSection {
  static final String FLAGON = "flagon-redis";
  static final String SPRING = "spring-session";
  static final double RPS_GOAL = 1.2;
  private static final String GOAL = "≥ 1.2× req/s at no more CPU/req (server; server + Redis)";
  private static final String REVOCATION = "Revocation (`RedisRevocations`), added CPU per request, warm cache";
  private static final double REVOCATION_GOAL_US = 1.0;

  private final JsonNode redis;
  private final StringBuilder md;
  private final List<Report.Target> targets;

  private RedisSection(JsonNode redis, StringBuilder md, List<Report.Target> targets) {
    this.redis = redis;
    this.md = md;
    this.targets = targets;
  }

  /**
   * Appends the section to {@code md} and the targets' rows to {@code targets}; {@code redis} and
   * {@code revocation} null: not run.
   */
  static void write(JsonNode redis, JsonNode revocation, JsonNode machine, StringBuilder md,
      List<Report.Target> targets) {
    if (redis == null) {
      targets.add(new Report.Target(REVOCATION, "≤ 1 µs", "not measured (`--no-redis`)", null));
      md.append("\n### Sessions on Redis\n\nNot run in this measurement (`scripts/bench --no-redis`).\n");
      for (String route : List.of("read", "write")) {
        targets.add(new Report.Target(what(route), GOAL, "not measured (`--no-redis`)", null));
      }
      return;
    }
    RedisSection section = new RedisSection(redis, md, targets);
    section.table(machine);
    section.revocation(revocation);
  }

  private static String what(String route) {
    return "Sessions on Redis, " + route + " path, Flagon vs Spring Session";
  }

  private static String routeLabel(String route) {
    return route.equals("read") ? "GET / (read)" : "GET /write (write)";
  }

  private JsonNode runs(String server, String route) {
    return redis.path("runs").path(server).path(route);
  }

  private void table(JsonNode machine) {
    List<String> jvmFlags = new ArrayList<>();
    redis.path("jvm_flags").forEach(flag -> jvmFlags.add(flag.asText()));
    md.append("\n### Sessions on Redis (wrk, ").append(redis.path("connections").asInt()).append(" connections, ")
        .append(redis.path("rounds").asInt()).append(" alternating rounds of ").append(redis.path("duration_s").asInt())
        .append(" s per server and route; servers and redis-server ").append(redis.path("redis_version").asText())
        .append(" pinned to CPU ").append(redis.path("server_cpu").asText()).append(", wrk to CPU ")
        .append(redis.path("client_cpu").asText()).append("; Java servers ")
        .append(String.join(" ", jvmFlags)).append(")\n\n");
    md.append("Medians over the rounds. Each server logged one user in through its own `/login`, and the run checked"
        + " that its session was in Redis under the key its cookie names before timing. Server CPU/req is the"
        + " server's own CPU time (all threads and worker processes), Redis CPU/req redis-server's (no persistence)"
        + " over the same round, both divided by the requests served. Errors: non-2xx answers and socket errors over"
        + " all rounds.");
    if (machine != null && machine.has("steal_pct_redis")) {
      md.append(" Steal time during this part: ").append(fmt(machine.path("steal_pct_redis").asDouble(), 1)).append(" %.");
    }
    load();
    md.append("\n\n| server | route | req/s | p50 | p99 | server CPU/req | Redis CPU/req | server + Redis CPU/req | errors |\n")
        .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (JsonNode server : redis.path("servers")) {
      String name = server.path("name").asText();
      for (String route : List.of("read", "write")) {
        JsonNode runs = runs(name, route);
        if (runs.isEmpty()) {
          continue;
        }
        long errors = errors(runs);
        md.append("| ").append(server.path("label").asText()).append(" | ").append(routeLabel(route)).append(" | ")
            .append(num(medianOf(runs, r -> r.path("rps").asDouble()))).append(" | ")
            .append(micros(medianOf(runs, r -> r.path("p50_us").asDouble()))).append(" | ")
            .append(micros(medianOf(runs, r -> r.path("p99_us").asDouble()))).append(" | ")
            .append(fmt(medianOf(runs, RedisSection::serverCpu), 1)).append(" µs | ")
            .append(fmt(medianOf(runs, r -> r.path("redis_cpu_us_per_req").asDouble()), 1)).append(" µs | ")
            .append(fmt(medianOf(runs, RedisSection::totalCpu), 1)).append(" µs | ")
            .append(errors == 0 ? "0" : "**" + errors + "**").append(" |\n");
      }
    }
    ratios();
  }

  /** Flagon ÷ Spring Session, per route: the median over rounds of the same-round ratio, and the target. */
  private void ratios() {
    boolean both = redis.path("runs").has(FLAGON) && redis.path("runs").has(SPRING);
    if (!both) {
      md.append("\nFlagon on Redis or Spring Session was not in this run, so there is no ratio.\n");
      for (String route : List.of("read", "write")) {
        targets.add(new Report.Target(what(route), GOAL, "not measured (no Flagon on Redis in this run)", null));
      }
      return;
    }
    md.append("\nFlagon on Redis ÷ Spring Session Data Redis, both on Spring Boot 4 and Tomcat (the median over the rounds"
        + " of the same-round ratio; rounds alternate the servers' order; in brackets the middle half of those"
        + " ratios, from the lower to the upper quartile):\n\n| route | req/s | server CPU/req | server + Redis CPU/req |\n"
        + "| --- | ---: | ---: | ---: |\n");
    for (String route : List.of("read", "write")) {
      List<Double> rps = paired(route, r -> r.path("rps").asDouble());
      List<Double> cpu = paired(route, RedisSection::serverCpu);
      List<Double> total = paired(route, RedisSection::totalCpu);
      if (rps.isEmpty()) {
        continue;
      }
      md.append("| ").append(routeLabel(route)).append(" | ").append(spread(rps)).append(" | ").append(spread(cpu))
          .append(" | ").append(spread(total)).append(" |\n");
      double r = median(rps);
      double c = median(cpu);
      double t = median(total);
      long errors = errors(runs(FLAGON, route)) + errors(runs(SPRING, route)); // fast failures are no speed
      targets.add(new Report.Target(what(route), GOAL,
          ratio(r) + " req/s; CPU/req " + ratio(c) + " (server), " + ratio(t) + " (server + Redis)"
              + (errors == 0 ? "" : "; " + errors + " errors"),
          errors == 0 && r >= RPS_GOAL && c <= 1 && t <= 1));
    }
  }

  /**
   * The load the machine was under: the 1-minute load average before the first round, at the end of each
   * (its range and median) and after the last, and the share of both cores that processes other than the
   * timed server, Redis and wrk took during a round (other builds on a shared machine, the idle servers).
   */
  private void load() {
    if (!redis.has("load1_before")) {
      return; // runs from before the load was recorded
    }
    List<Double> load = new ArrayList<>();
    List<Double> others = new ArrayList<>();
    redis.path("runs").forEach(server -> server.forEach(route -> route.forEach(run -> {
      load.add(run.path("load1").asDouble());
      others.add(run.path("others_pct").asDouble());
    })));
    md.append(" Load: the 1-minute load average was ").append(fmt(redis.path("load1_before").asDouble(), 1))
        .append(" before the first round, ").append(fmt(load.stream().mapToDouble(d -> d).min().orElse(0), 1))
        .append(" to ").append(fmt(load.stream().mapToDouble(d -> d).max().orElse(0), 1)).append(" (median ")
        .append(fmt(median(load), 1)).append(") at the rounds' ends and ").append(fmt(redis.path("load1_after").asDouble(), 1))
        .append(" after the last, on ").append(redis.path("cores").asInt(2)).append(" cores; other processes took a median ")
        .append(fmt(median(others), 0)).append(" % of both cores during a round. CPU per request is the figure"
            + " to trust under such load: requests/s fall when others take the server's core, its CPU per request"
            + " much less.");
  }

  /** {@code RevocationBench}: {@code warmCache} minus {@code none}, the validator's added time per request. */
  private void revocation(JsonNode revocation) {
    if (revocation == null) {
      targets.add(new Report.Target(REVOCATION, "≤ 1 µs", "not measured in this run", null));
      return;
    }
    Map<String, Double> ns = new LinkedHashMap<>();
    for (JsonNode run : revocation) {
      String name = run.path("benchmark").asText();
      ns.put(name.substring(name.lastIndexOf('.') + 1), run.path("primaryMetric").path("score").asDouble());
    }
    double addedUs = (ns.getOrDefault("warmCache", Double.NaN) - ns.getOrDefault("none", Double.NaN)) / 1000;
    md.append("\n**Revocation** (`RevocationBench`, JMH, one thread, ns per call, mean over forks):"
        + " `RedisRevocations.isValid` for 1,000 logged-in users, one of them revoked, with every answer cached");
    md.append(" (`warmCache`), against a validator that accepts everything (`none`) and against one that reads Redis"
        + " on every call (`everyCallReadsRedis`, staleness 0).\n\n| benchmark | ns per call |\n| --- | ---: |\n");
    ns.forEach((name, v) -> md.append("| `").append(name).append("` | ").append(fmt(v, 1)).append(" |\n"));
    md.append("\nAdded by revocation with a warm cache: ").append(fmt(addedUs * 1000, 1)).append(" ns = ")
        .append(fmt(addedUs, 3)).append(" µs per request.\n");
    targets.add(new Report.Target(REVOCATION, "≤ 1 µs", fmt(addedUs, 3) + " µs", addedUs <= REVOCATION_GOAL_US));
  }

  private List<Double> paired(String route, ToDoubleFunction<JsonNode> field) {
    JsonNode flagon = runs(FLAGON, route);
    JsonNode spring = runs(SPRING, route);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(flagon.size(), spring.size()); i++) {
      ratios.add(field.applyAsDouble(flagon.get(i)) / field.applyAsDouble(spring.get(i)));
    }
    return ratios;
  }

  /** "1.31× (1.25× … 1.40×)": the median and, with four rounds or more, the quartiles. */
  private static String spread(List<Double> values) {
    double[] q = Report.middleHalf(values);
    return ratio(median(values)) + (q == null ? "" : " (" + ratio(q[0]) + " … " + ratio(q[1]) + ")");
  }

  /** Non-2xx answers and socket errors over a server's rounds of one route. */
  private static long errors(JsonNode runs) {
    long errors = 0;
    for (JsonNode r : runs) {
      errors += r.path("non2xx").asLong() + r.path("socket_errors").asLong();
    }
    return errors;
  }

  private static double serverCpu(JsonNode run) {
    return run.path("cpu_us_per_req").asDouble();
  }

  private static double totalCpu(JsonNode run) {
    return serverCpu(run) + run.path("redis_cpu_us_per_req").asDouble();
  }
}
