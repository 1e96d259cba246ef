package dev.flagon.spring;

import dev.flagon.FlagonConfig;

/**
 * Adjusts the auto-configured {@link FlagonConfig} in code, after the properties: for what they cannot say,
 * such as a {@link java.time.Clock} or custom tagged-JSON tags. Beans, run in
 * {@link org.springframework.core.annotation.Order}:
 * {@code @Bean FlagonConfigCustomizer tags() { return builder -> builder.taggedJson(myTags); }}
 */
@FunctionalInterface
public interface FlagonConfigCustomizer {
  /** Changes the builder; do not call {@code build()}. */
  void customize(FlagonConfig.Builder builder);
}
