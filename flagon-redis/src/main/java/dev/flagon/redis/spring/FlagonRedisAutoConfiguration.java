package dev.flagon.redis.spring;

import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.SessionInterface;
import dev.flagon.redis.RedisSessionInterface;
import dev.flagon.redis.RedisSessionStore;
import dev.flagon.spring.InvalidFlagonConfigurationException;
import dev.flagon.spring.SpringSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@code SESSION_TYPE=redis} ({@code flagon.session-type=redis}) in a Spring Boot application that uses
 * flagon-spring-boot-starter: a {@link RedisSessionInterface} replaces the cookie sessions. When the
 * application has Spring Data Redis's {@link LettuceConnectionFactory} (Spring Boot makes one from
 * {@code spring.data.redis.*}), the sessions use its Lettuce client, on a connection of their own, and
 * {@code SESSION_REDIS} may be left unset; otherwise they connect to {@code SESSION_REDIS}. The starter and
 * Spring Data Redis are optional dependencies of this module. Runs before the starter's
 * auto-configuration, so that its cookie {@code Flagon} backs off.
 */
@AutoConfiguration(beforeName = "dev.flagon.spring.FlagonAutoConfiguration",
    afterName = {"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"dev.flagon.spring.FlagonAutoConfiguration", "dev.flagon.servlet.FlagonFilter"})
@ConditionalOnBooleanProperty(name = "flagon.enabled", matchIfMissing = true)
public class FlagonRedisAutoConfiguration {
  // OnRedisSessionType is on the beans, not on this class: Spring instantiates a class's conditions together,
  // and that one needs the starter, which the class's @ConditionalOnClass makes sure of.
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(SessionInterface.class)
  @Conditional(OnRedisSessionType.class)
  RedisSessionInterface flagonRedisSessionInterface(FlagonConfig config, ObjectProvider<RedisSessionStore> store) {
    RedisSessionStore shared = store.getIfAvailable();
    return shared == null ? RedisSessionInterface.create(config) : RedisSessionInterface.create(config, shared);
  }

  /** The application's Lettuce client, when Spring Data Redis made one. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory")
  @Conditional(OnRedisSessionType.class)
  static class ApplicationRedis {
    @Bean(destroyMethod = "close")
    @ConditionalOnBean(LettuceConnectionFactory.class)
    @ConditionalOnMissingBean(RedisSessionStore.class)
    RedisSessionStore flagonRedisSessionStore(LettuceConnectionFactory factory, FlagonConfig config) {
      if (!factory.isRunning()) {
        factory.start(); // its client exists once started; starting twice is harmless
      }
      return RedisSessionStore.using(factory.getRequiredNativeClient(), config);
    }
  }

  /** Whether the properties say {@code SESSION_TYPE=redis}; an invalid value is refused by the config bean. */
  static final class OnRedisSessionType implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      try {
        return "redis".equals(SpringSettings.value(context.getEnvironment(), FlagonSettings.SESSION_TYPE));
      } catch (InvalidFlagonConfigurationException e) {
        return false;
      }
    }
  }
}
