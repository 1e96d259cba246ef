package dev.flagon.redis;

import dev.flagon.FlagonConfig;
import dev.flagon.SessionInterface;
import dev.flagon.Setting;
import java.util.List;

/**
 * Brings {@code SESSION_TYPE=redis} and this module's settings rows ({@link RedisSettings}) to core, found by
 * {@link java.util.ServiceLoader}: with this module on the class path, {@link SessionInterface#create} gives a
 * {@link RedisSessionInterface} for such a configuration. Applications need not use it directly.
 */
public final class RedisSessionProvider implements SessionInterface.Provider {
  /** For {@link java.util.ServiceLoader}. */
  public RedisSessionProvider() {}

  @Override
  public List<String> names() {
    return List.of("redis");
  }

  @Override
  public List<Setting<?>> settings() {
    return RedisSettings.all();
  }

  @Override
  public SessionInterface create(String name, FlagonConfig config) {
    return RedisSessionInterface.create(config);
  }
}
