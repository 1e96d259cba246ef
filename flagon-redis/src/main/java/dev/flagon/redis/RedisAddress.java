package dev.flagon.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code SESSION_REDIS} read by Lettuce's {@link RedisURI}: {@code redis://[[user]:password@]host[:port][/db]},
 * {@code rediss://} for TLS, {@code redis-sentinel://[password@]host[:port][,host2[:port2]][/db]#masterId}.
 * With {@code SESSION_REDIS_CLUSTER} the URL may list several seed nodes, {@code redis://host1:7000,host2:7001},
 * all with the URL's scheme and credentials. Messages and {@link #describe} never show a password.
 */
final class RedisAddress {
  private RedisAddress() {}

  /**
   * The URIs of a setting's value: one, or one per cluster seed node.
   *
   * @throws IllegalArgumentException naming SESSION_REDIS (never echoing the value, which may hold a password)
   */
  static List<RedisURI> parse(String url, boolean cluster, Duration commandTimeout) {
    String text = url.strip();
    String scheme = text.contains("://") ? text.substring(0, text.indexOf("://")).toLowerCase(Locale.ROOT) : "";
    if (!List.of("redis", "rediss", "redis-sentinel", "rediss-sentinel").contains(scheme)) {
      throw new IllegalArgumentException("SESSION_REDIS must be a redis://, rediss:// or redis-sentinel:// URL"
          + " (value not shown: it may hold a password)");
    }
    List<String> urls = cluster ? seeds(text, scheme) : List.of(text);
    List<RedisURI> uris = new ArrayList<>();
    for (String one : urls) {
      RedisURI uri;
      try {
        uri = RedisURI.create(one);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("SESSION_REDIS is not a valid Redis URL (value not shown: it may hold"
            + " a password)");
      }
      // Lettuce reads "host:notaport" as a host name; only an IPv6 literal ([::1]) has a colon in its host
      if (uri.getSentinels().isEmpty() && (uri.getHost() == null || uri.getHost().isEmpty()
          || (uri.getHost().contains(":") && !one.contains("[")))) {
        throw new IllegalArgumentException("SESSION_REDIS has no valid host and port (value not shown: it may hold"
            + " a password)");
      }
      if (cluster && (uri.getDatabase() != 0 || !uri.getSentinels().isEmpty())) {
        throw new IllegalArgumentException("SESSION_REDIS_CLUSTER needs redis:// or rediss:// seed nodes with"
            + " database 0 (Redis Cluster has only database 0)");
      }
      uri.setTimeout(commandTimeout);
      uris.add(uri);
    }
    return uris;
  }

  /** {@code redis://host1:7000,host2:7001/0} → one URL per host, each with the scheme, user info and path. */
  private static List<String> seeds(String url, String scheme) {
    String rest = url.substring(scheme.length() + 3);
    int at = rest.lastIndexOf('@');
    String userInfo = at < 0 ? "" : rest.substring(0, at + 1);
    String afterUser = rest.substring(at + 1);
    int end = indexOfAny(afterUser, "/?#");
    String hosts = afterUser.substring(0, end);
    String tail = afterUser.substring(end);
    List<String> urls = new ArrayList<>();
    for (String host : hosts.split(",")) {
      if (host.isBlank()) {
        throw new IllegalArgumentException("SESSION_REDIS lists an empty cluster node");
      }
      urls.add(scheme + "://" + userInfo + host.strip() + tail);
    }
    return urls;
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  /** The address for logs and messages: scheme, hosts and database, never the credentials. */
  static String describe(List<RedisURI> uris) {
    RedisURI first = uris.get(0);
    if (!first.getSentinels().isEmpty()) {
      return (first.isSsl() ? "rediss-sentinel://" : "redis-sentinel://")
          + first.getSentinels().stream().map(s -> s.getHost() + ":" + s.getPort()).collect(Collectors.joining(","))
          + "/" + first.getDatabase() + "#" + first.getSentinelMasterId();
    }
    return (first.isSsl() ? "rediss://" : "redis://")
        + uris.stream().map(u -> u.getHost() + ":" + u.getPort()).collect(Collectors.joining(","))
        + "/" + first.getDatabase();
  }
}
