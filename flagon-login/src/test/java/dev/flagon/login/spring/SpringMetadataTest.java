package dev.flagon.login.spring;

import dev.flagon.login.LoginSettings;
import dev.flagon.spring.SpringMetadata;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * This module's Spring configuration metadata (IDE completion for {@code flagon.login.*} and
 * {@code flagon.csrf.*}) is generated from {@link LoginSettings}: this test fails when they drift.
 * Regenerate it with {@code mvn -B -o -pl flagon-login test -Dtest=SpringMetadataTest -Dflagon.regenerate=true}.
 */
class SpringMetadataTest {
  @Test
  void metadata_isGeneratedFromTheRows() throws IOException {
    SpringMetadata.assertGenerated(LoginSettings.all(), false);
  }

  @Test
  void readme_namesTheRowsProperties() {
    SpringMetadata.assertReadmeNames(LoginSettings.all());
  }
}
