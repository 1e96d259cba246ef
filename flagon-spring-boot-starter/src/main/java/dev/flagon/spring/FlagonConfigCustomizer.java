package dev.flagon.spring;

import dev.flagon.FlagonConfig;

/**
 * Adjusts the auto-configured {@link FlagonConfig} in code, after the {@code flagon.*} and Flask-named
 * properties were applied: for what properties cannot say, such as a {@link java.time.Clock} or custom
 * tagged-JSON tags. Declare one or more as beans; they run in
 * {@link org.springframework.core.annotation.Order}.
 *
 * <pre>{@code
 * @Bean
 * FlagonConfigCustomizer customTags() {
 *   return builder -> builder.taggedJson(TaggedJson.standard().with(new MoneyTag()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface FlagonConfigCustomizer {

  /** Changes the builder; do not call {@code build()}. */
  void customize(FlagonConfig.Builder builder);
}
