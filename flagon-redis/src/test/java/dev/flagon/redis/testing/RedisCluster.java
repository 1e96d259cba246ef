package dev.flagon.redis.testing;

import dev.flagon.testing.Subprocess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A three-master Redis Cluster on loopback ports for tests: {@link RedisServer}s in cluster mode, joined by
 * {@code redis-cli --cluster create}, with {@code cluster-require-full-coverage no}, so that a stopped master
 * fails only the keys in its slots; without replicas, or with one per master ({@link #startWithReplicas}),
 * which takes over its slots when its master stops. Every node is stopped and deleted by {@link #close}, also
 * when starting fails half-way.
 */
public final class RedisCluster implements AutoCloseable {
  private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);

  private final List<RedisServer> nodes = new ArrayList<>();
  private final int replicasPerMaster;

  private RedisCluster(int replicasPerMaster) {
    this.replicasPerMaster = replicasPerMaster;
  }

  /** A started, formed three-master cluster without replicas. */
  public static RedisCluster start() {
    return start(0);
  }

  /** A started, formed three-master cluster with one replica per master (six nodes). */
  public static RedisCluster startWithReplicas() {
    return start(1);
  }

  private static RedisCluster start(int replicasPerMaster) {
    RedisCluster cluster = new RedisCluster(replicasPerMaster);
    try {
      for (int i = 0; i < 3 * (1 + replicasPerMaster); i++) {
        cluster.nodes.add(RedisServer.start(List.of("--cluster-enabled", "yes", "--cluster-config-file",
            "nodes.conf", "--cluster-node-timeout", "2000", "--cluster-require-full-coverage", "no")));
      }
      cluster.create();
      cluster.awaitFormed();
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The nodes, in creation order. */
  public List<RedisServer> nodes() {
    return List.copyOf(nodes);
  }

  /** {@code redis://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}: every node as a seed. */
  public String url() {
    return "redis://" + nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
  }

  /** The node that serves a key's hash slot, as a running node sees the cluster. */
  public RedisServer nodeFor(String key) {
    RedisServer asked = nodes.stream().filter(RedisServer::isRunning).findFirst().orElseThrow();
    long slot = (Long) asked.command("CLUSTER", "KEYSLOT", key);
    for (String[] fields : clusterNodes(asked)) {
      int port = port(fields);
      for (int i = 8; i < fields.length; i++) {
        String[] range = fields[i].split("-");
        if (!range[0].startsWith("[") && slot >= Long.parseLong(range[0])
            && slot <= Long.parseLong(range[range.length - 1])) {
          return nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow();
        }
      }
    }
    throw new IllegalStateException("no node serves slot " + slot);
  }

  /** The replica of {@code master}, as {@code master} sees the cluster. */
  public RedisServer replicaOf(RedisServer master) {
    List<String[]> lines = clusterNodes(master);
    String masterId = lines.stream().filter(f -> f[2].contains("myself")).findFirst().orElseThrow()[0];
    int port = port(lines.stream().filter(f -> f[3].equals(masterId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the node on port " + master.port() + " has no replica")));
    return nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow();
  }

  /** CLUSTER NODES, one array of fields per node: id, ip:port@bus, flags, master id, ..., slots. */
  private static List<String[]> clusterNodes(RedisServer asked) {
    return Arrays.stream(Resp.text(asked.command("CLUSTER", "NODES")).split("\n"))
        .map(line -> line.strip().split(" ")).toList();
  }

  private static int port(String[] fields) {
    return Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
  }

  @Override
  public void close() {
    nodes.forEach(RedisServer::close);
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of(RedisServer.requireBinary("redis-cli"), "--cluster", "create"));
    nodes.forEach(n -> command.add("127.0.0.1:" + n.port()));
    command.addAll(List.of("--cluster-replicas", Integer.toString(replicasPerMaster), "--cluster-yes"));
    try {
      Subprocess.run("redis-cli --cluster create", new ProcessBuilder(command).redirectErrorStream(true), "",
          Duration.ofSeconds(60)).orFail();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls until every node reports the cluster ok and knows every replica (gossip takes a moment). */
  private void awaitFormed() {
    Await.until(FORM_TIMEOUT, "every node seeing the cluster formed with its replicas", () -> nodes.stream()
        .allMatch(n -> Resp.text(n.command("CLUSTER", "INFO")).contains("cluster_state:ok")
            && clusterNodes(n).stream().filter(f -> f[2].contains("slave")).count() == 3L * replicasPerMaster));
  }
}
