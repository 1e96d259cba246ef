package dev.flagon.redis.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.redis.RedisSessionInterface;
import dev.flagon.redis.testing.RedisServer;
import dev.flagon.spring.FlagonAutoConfiguration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@code flagon.session-type=redis} beside the starter: Flask-Session's Redis sessions, on the app's Redis when it
 * has one.
 */
class RedisSessionsIT {
  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(FlagonAutoConfiguration.class,
          FlagonRedisAutoConfiguration.class))
      .withPropertyValues("flagon.secret-key=spring-redis-key-0123456789", "flagon.session-type=redis");
  private RedisServer redis;

  @BeforeEach
  void start() {
    redis = RedisServer.start();
  }

  @AfterEach
  void stop() {
    redis.close();
  }

  @Test
  void sessionTypeRedis_withSessionRedis_connectsThere() {
    runner.withPropertyValues("flagon.redis.url=" + redis.url()).run(context -> {
      assertThat(context).hasNotFailed();
      SessionInterface sessions = context.getBean(SessionInterface.class);
      assertThat(sessions).isInstanceOf(RedisSessionInterface.class);
      assertThat(context.getBeansOfType(Flagon.class)).isEmpty();
      assertThat(((RedisSessionInterface) sessions).redisAddress()).isEqualTo(redis.url());
      assertStored(sessions);
    });
  }

  @Test
  void sessionTypeRedis_applicationsLettuceFactory_isReused() {
    runner.withBean(LettuceConnectionFactory.class,
        () -> new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()))).run(context -> {
          assertThat(context).hasNotFailed();
          RedisSessionInterface sessions = context.getBean(RedisSessionInterface.class);
          assertThat(sessions.redisAddress()).contains("the application's Redis");
          assertStored(sessions);
        });
  }

  @Test
  void sessionTypeCookie_default_keepsFlagon() {
    new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(FlagonAutoConfiguration.class,
          FlagonRedisAutoConfiguration.class))
        .withPropertyValues("flagon.secret-key=spring-redis-key-0123456789", "flagon.redis.url=" + redis.url())
        .run(context -> assertThat(context.getBean(SessionInterface.class)).isInstanceOf(Flagon.class));
  }

  @Test
  void autoConfiguration_registeredInThisModule_andOffWithFlagon() {
    assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
        .contains(FlagonRedisAutoConfiguration.class.getName());
    runner.withPropertyValues("flagon.enabled=false", "flagon.redis.url=" + redis.url())
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SessionInterface.class));
  }

  private void assertStored(SessionInterface sessions) {
    Session session = sessions.open(List.of());
    session.put("user_id", 12345);
    CookieUpdate update = sessions.save(session);
    String header = update.setCookieHeaders().get(0);
    String id = header.substring("session=".length(), header.indexOf(';'));
    assertThat((Long) redis.command("EXISTS", "session:" + id)).isEqualTo(1L);
    assertThat(sessions.open(List.of("session=" + id)).get("user_id")).isEqualTo(12345);
  }
}
