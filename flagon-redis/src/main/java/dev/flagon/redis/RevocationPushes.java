package dev.flagon.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Revocations pushed to every server over Redis pub/sub, on the channel {@code SESSION_REVOCATION_KEY_PREFIX}
 * (message: {@code "<cutoff> <user id>"}). Subscribes on first use and retries on later reads while it cannot;
 * Lettuce resubscribes after a reconnect, and then the cache is cleared, since pushes sent meanwhile were
 * lost. A push only ever makes a cached answer stricter, so a forged or repeated message can revoke early but
 * never un-revoke.
 */
final class RevocationPushes implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.flagon.redis");

  private final RedisAccess redis;
  private final String channel;
  private final RevocationCache cache;
  private final ReentrantLock subscribing = new ReentrantLock();
  private volatile StatefulRedisPubSubConnection<String, String> connection;
  private volatile Consumer<String> listener = user -> { };
  private volatile long lastAttemptNanos;

  RevocationPushes(RedisAccess redis, String channel, RevocationCache cache) {
    this.redis = redis;
    this.channel = channel;
    this.cache = cache;
    this.lastAttemptNanos = System.nanoTime() - 2_000_000_000L; // the first attempt is due at once
  }

  /** Publishes a revocation; its own server applied it already. Failure is logged: the staleness bound holds. */
  void publish(String user, long cutoff) {
    try {
      byte[] message = (cutoff + " " + user).getBytes(StandardCharsets.UTF_8);
      redis.call("PUBLISH", c -> c.publish(channel, message));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "revocation push not sent; other servers see it within"
          + " SESSION_REVOCATION_MAX_STALENESS");
    }
  }

  /**
   * Subscribes if not yet subscribed, at most once a second, without waiting if another thread is at it.
   * Never throws: without pushes the staleness bound still holds.
   */
  void ensureSubscribed() {
    if (connection != null || System.nanoTime() - lastAttemptNanos < 1_000_000_000L || !subscribing.tryLock()) {
      return;
    }
    try {
      lastAttemptNanos = System.nanoTime();
      if (connection == null) {
        StatefulRedisPubSubConnection<String, String> opened = redis.client() instanceof RedisClusterClient cluster
            ? cluster.connectPubSub(StringCodec.UTF8) : ((RedisClient) redis.client()).connectPubSub(StringCodec.UTF8);
        subscribe(opened);
        connection = opened;
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "revocation pushes not subscribed yet (" + e.getClass().getSimpleName() + ")");
    } finally {
      subscribing.unlock();
    }
  }

  /** Listens and subscribes; a connection that cannot subscribe is closed, not leaked. */
  private void subscribe(StatefulRedisPubSubConnection<String, String> opened) {
    try {
      opened.addListener(new RedisPubSubAdapter<>() {
        @Override
        public void message(String from, String message) {
          apply(message);
        }
      });
      opened.addListener(new RedisConnectionStateListener() {
        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
          cache.clear(); // pushes sent while disconnected are lost: read everything again
        }
      });
      opened.sync().subscribe(channel);
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  private void apply(String message) {
    int space = message.indexOf(' ');
    if (space <= 0) {
      return;
    }
    try {
      String user = message.substring(space + 1);
      cache.raise(user, Long.parseLong(message.substring(0, space)));
      listener.accept(user);
    } catch (NumberFormatException e) {
      // not ours: ignored
    }
  }

  void onPush(Consumer<String> listener) {
    this.listener = listener;
  }

  @Override
  public void close() {
    StatefulRedisPubSubConnection<String, String> open = connection;
    if (open != null) {
      open.close();
    }
  }
}
