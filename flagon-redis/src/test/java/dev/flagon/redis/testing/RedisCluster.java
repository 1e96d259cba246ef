package dev.flagon.redis.testing;

import dev.flagon.testing.Subprocess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A three-master Redis Cluster on loopback ports for tests: three {@link RedisServer}s in cluster mode,
 * joined by {@code redis-cli --cluster create}, without replicas and with {@code cluster-require-full-coverage
 * no}, so that a stopped master fails only the keys in its slots. Every node is stopped and deleted by
 * {@link #close}, also when starting fails half-way.
 */
public final class RedisCluster implements AutoCloseable {
  private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);

  private final List<RedisServer> nodes = new ArrayList<>();

  private RedisCluster() {}

  /** A started, formed three-master cluster. */
  public static RedisCluster start() {
    RedisCluster cluster = new RedisCluster();
    try {
      for (int i = 0; i < 3; i++) {
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

  /** The node that serves a key's hash slot. */
  public RedisServer nodeFor(String key) {
    long slot = (Long) nodes.get(0).command("CLUSTER", "KEYSLOT", key);
    for (String line : Resp.text(nodes.get(0).command("CLUSTER", "NODES")).split("\n")) {
      String[] fields = line.strip().split(" ");
      int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
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

  @Override
  public void close() {
    nodes.forEach(RedisServer::close);
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of(RedisServer.requireBinary("redis-cli"), "--cluster", "create"));
    nodes.forEach(n -> command.add("127.0.0.1:" + n.port()));
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    try {
      Subprocess.run("redis-cli --cluster create", new ProcessBuilder(command).redirectErrorStream(true), "",
          Duration.ofSeconds(60)).orFail();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls CLUSTER INFO until every node reports the cluster ok (gossip takes a moment). */
  private void awaitFormed() {
    long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
    while (!nodes.stream().allMatch(n -> Resp.text(n.command("CLUSTER", "INFO")).contains("cluster_state:ok"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the cluster did not form within " + FORM_TIMEOUT.toSeconds() + " s");
      }
      try {
        Thread.sleep(50); // waiting for other processes to gossip, not for time in the code under test
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the cluster formed", e);
      }
    }
  }
}
