package dev.flagon.redis.spring;

import dev.flagon.redis.RedisSettings;
import dev.flagon.spring.SpringMetadata;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * This module's Spring configuration metadata (IDE completion for {@code flagon.redis.*} and
 * {@code flagon.revocation.*}) is generated from {@link RedisSettings}: this test fails when they drift.
 * Regenerate it with {@code mvn -B -o -pl flagon-redis test -Dtest=SpringMetadataTest -Dflagon.regenerate=true}.
 */
class SpringMetadataTest {
  @Test
  void metadata_isGeneratedFromTheRows() throws IOException {
    SpringMetadata.assertGenerated(RedisSettings.all(), false);
  }

  @Test
  void readme_namesTheRowsProperties() {
    SpringMetadata.assertReadmeNames(RedisSettings.all());
  }
}
