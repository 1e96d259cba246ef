package dev.flagon.bench.spring;

import dev.flagon.SessionInterface;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code flagon}: the {@link SessionInterface} that Flagon's starter drives, Flask-Session's Redis
 * sessions from flagon-redis on {@code SESSION_REDIS} (the run's Redis; {@code application-flagon.properties}
 * sets it and {@code SESSION_TYPE=redis}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("flagon")
class FlagonOnRedis {

  @Bean
  SessionInterface flagonRedisSessions(@Value("${SESSION_REDIS}") String redisUrl) {
    // Switching on (once flagon-redis has its SessionInterface and the starter takes the bean): build it here
    // from the same settings, e.g. RedisSessionConfig.fromMap(Map.of("SESSION_TYPE", "redis",
    // "SESSION_REDIS", redisUrl)), and mark "flagon-redis" ready in http_load.py's SERVERS.
    throw new IllegalStateException("the flagon variant is not wired yet: flagon-redis has no SessionInterface"
        + " to give Flagon's starter (see FlagonOnRedis in flagon-bench-spring)");
  }
}
