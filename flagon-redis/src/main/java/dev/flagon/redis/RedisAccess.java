package dev.flagon.redis;

import dev.flagon.SessionStoreException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One Lettuce connection (standalone, Sentinel or Cluster) for the store and the revocations: connected on
 * first use, each command awaited for at most the command timeout, every failure a
 * {@link SessionStoreException} naming Redis's address. While Redis is unreachable, commands are refused at
 * once (Lettuce reconnects in the background, retrying at least every second) rather than queued: a caller
 * never waits longer than the command timeout, or, while the first connection is made, the connect and
 * command timeouts together (requests arriving meanwhile wait for it rather than fail).
 *
 * <p>Logs one WARNING when Redis starts failing and one INFO when it answers again (DEBUG in between, and for
 * failures within 10 s of an INFO: one Cluster node down fails some requests while others succeed): the
 * address and the kind of failure, never a key or data.
 */
final class RedisAccess implements AutoCloseable {
  static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
  private static final System.Logger LOG = System.getLogger("dev.flagon.redis");
  private static final Duration TOPOLOGY_REFRESH_INTERVAL = Duration.ofSeconds(2);
  private static final long WARNING_QUIET_NANOS = Duration.ofSeconds(10).toNanos();

  private final AbstractRedisClient client;
  private final ClientResources ownedResources; // null when the client is the application's
  private final RedisURI sentinelUri; // SESSION_REDIS when it names Sentinels, else null
  private final String address;
  private final long timeoutNanos;
  private final long connectTimeoutNanos;
  private final ReentrantLock connecting = new ReentrantLock();
  private final AtomicBoolean warned = new AtomicBoolean(); // a WARNING not yet followed by its INFO
  private volatile long lastRecovery = System.nanoTime() - WARNING_QUIET_NANOS;
  private final AtomicLong lastTopologyRefresh =
      new AtomicLong(System.nanoTime() - TOPOLOGY_REFRESH_INTERVAL.toNanos());
  private volatile StatefulConnection<String, byte[]> connection;
  private volatile RedisClusterAsyncCommands<String, byte[]> commands;

  private RedisAccess(AbstractRedisClient client, ClientResources ownedResources, RedisURI sentinelUri,
      String address, Duration commandTimeout, Duration connectTimeout) {
    this.client = client;
    this.ownedResources = ownedResources;
    this.sentinelUri = sentinelUri;
    this.address = address;
    this.timeoutNanos = commandTimeout.toNanos();
    this.connectTimeoutNanos = connectTimeout.toNanos();
  }

  /** A client of its own for {@code SESSION_REDIS}, closed with this. */
  static RedisAccess open(RedisSessionConfig config) {
    List<RedisURI> uris = config.redisUris();
    ClientResources resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .build();
    SocketOptions socket = SocketOptions.builder().connectTimeout(config.connectTimeout()).build();
    TimeoutOptions timeouts = TimeoutOptions.enabled(config.commandTimeout());
    AbstractRedisClient client;
    if (config.cluster()) {
      RedisClusterClient cluster = RedisClusterClient.create(resources, uris);
      cluster.setOptions(ClusterClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          // learn a failover or a resharding from MOVED, ASK and lost connections, as Spring Boot does; at most
          // every 2 s rather than Lettuce's 30: the first refresh comes as a master goes down, before its
          // replica is promoted, and the next one is what finds the new master (RedisClusterFailoverIT)
          .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers()
              .adaptiveRefreshTriggersTimeout(TOPOLOGY_REFRESH_INTERVAL).build())
          .build());
      client = cluster;
    } else {
      RedisClient standalone = RedisClient.create(resources, uris.get(0));
      standalone.setOptions(ClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
      client = standalone;
    }
    RedisURI sentinel = config.cluster() || uris.get(0).getSentinels().isEmpty() ? null : uris.get(0);
    return new RedisAccess(client, resources, sentinel, config.redisAddress(), config.commandTimeout(),
        config.connectTimeout());
  }

  /**
   * The application's client ({@link RedisClient} with its default URI, or {@link RedisClusterClient}): this
   * opens connections of its own on it and closes only those.
   */
  static RedisAccess borrow(AbstractRedisClient client, RedisSessionConfig config) {
    if (!(client instanceof RedisClient || client instanceof RedisClusterClient)) {
      throw new IllegalArgumentException("a RedisClient or a RedisClusterClient is needed, not " + client.getClass());
    }
    return new RedisAccess(client, null, null, "the application's Redis (" + client.getClass().getSimpleName() + ")",
        config.commandTimeout(), config.connectTimeout());
  }

  /** Redis's address, without credentials. */
  String address() {
    return address;
  }

  /** The client, for a pub/sub connection of the caller's own. */
  AbstractRedisClient client() {
    return client;
  }

  /**
   * Runs one command and waits for its answer.
   *
   * @param operation the command's name for messages, such as {@code GET}
   * @throws SessionStoreException if Redis is unreachable, too slow or refuses the command
   */
  <T> T call(String operation, Function<RedisClusterAsyncCommands<String, byte[]>, RedisFuture<T>> command) {
    RedisFuture<T> future;
    try {
      future = command.apply(commands(operation));
    } catch (SessionStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed(operation, describe(e), e);
    }
    try {
      T result = future.get(timeoutNanos, TimeUnit.NANOSECONDS);
      if (warned.compareAndSet(true, false)) {
        lastRecovery = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, "Redis at {0} answers again", address);
      }
      return result;
    } catch (TimeoutException e) {
      future.cancel(true);
      refreshClusterTopology();
      throw failed(operation, "no answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms", e);
    } catch (ExecutionException e) {
      throw failed(operation, describe(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw failed(operation, "interrupted", e);
    }
  }

  private RedisClusterAsyncCommands<String, byte[]> commands(String operation) {
    RedisClusterAsyncCommands<String, byte[]> ready = commands;
    if (ready != null) {
      return ready;
    }
    try {
      // the connecting request may take both timeouts (the socket, then the handshake): wait as long, so
      // that requests arriving together at startup share its connection rather than fail
      if (!connecting.tryLock(connectTimeoutNanos + timeoutNanos, TimeUnit.NANOSECONDS)) {
        throw failed(operation, "not connected (another request is connecting)", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(operation, "interrupted", e);
    }
    try {
      if (commands == null) {
        connect();
      }
      return commands;
    } catch (RuntimeException e) {
      throw failed(operation, "cannot connect: " + describe(e), e);
    } finally {
      connecting.unlock();
    }
  }

  private void connect() {
    if (client instanceof RedisClusterClient cluster) {
      StatefulRedisClusterConnection<String, byte[]> opened = cluster.connect(CODEC);
      connection = opened;
      commands = opened.async();
    } else if (sentinelUri != null) {
      // a plain connection asks the Sentinels only when it reconnects: a master that hangs rather than closing
      // its connections would keep it forever. Master/Replica also follows the Sentinels' failover events.
      StatefulRedisMasterReplicaConnection<String, byte[]> opened =
          MasterReplica.connect((RedisClient) client, CODEC, sentinelUri);
      connection = opened;
      commands = opened.async();
    } else {
      StatefulRedisConnection<String, byte[]> opened = ((RedisClient) client).connect(CODEC);
      connection = opened;
      commands = opened.async();
    }
  }

  /**
   * A Cluster master that hangs closes no connection and answers no MOVED, so no adaptive trigger fires: a
   * timeout asks the cluster for its topology (at most every 2 s), which names the replica promoted in its place.
   */
  private void refreshClusterTopology() {
    long now = System.nanoTime();
    long last = lastTopologyRefresh.get();
    if (client instanceof RedisClusterClient cluster && now - last >= TOPOLOGY_REFRESH_INTERVAL.toNanos()
        && lastTopologyRefresh.compareAndSet(last, now)) {
      cluster.refreshPartitionsAsync(); // failing, it leaves the topology as it was: the next timeout retries
    }
  }

  private SessionStoreException failed(String operation, String why, Throwable cause) {
    String message = "Redis at " + address + ": " + operation + " failed: " + why;
    if (System.nanoTime() - lastRecovery >= WARNING_QUIET_NANOS && warned.compareAndSet(false, true)) {
      LOG.log(System.Logger.Level.WARNING, message + "; requests that need Redis fail until it answers again");
    } else {
      LOG.log(System.Logger.Level.DEBUG, message);
    }
    return new SessionStoreException(message, cause);
  }

  /** The kind of failure, without anything a message could have picked up from the command's arguments. */
  private static String describe(Throwable e) {
    if (e instanceof RedisCommandExecutionException && e.getMessage() != null) {
      return "Redis answered " + e.getMessage().split(" ", 2)[0]; // the error code: WRONGTYPE, NOAUTH, OOM...
    }
    return e.getClass().getSimpleName();
  }

  @Override
  public void close() {
    StatefulConnection<String, byte[]> open = connection;
    if (open != null) {
      open.close();
    }
    if (ownedResources != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      ownedResources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
