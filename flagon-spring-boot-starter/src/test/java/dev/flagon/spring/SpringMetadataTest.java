package dev.flagon.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.ReadmeSnippets;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The starter's configuration metadata (IDE completion for {@code flagon.*}: core's rows, flagon-encrypted's,
 * the starter's own) is generated from the settings tables: this test fails when they drift. Regenerate it with
 * {@code mvn -B -o -pl flagon-spring-boot-starter test -Dtest=SpringMetadataTest -Dflagon.regenerate=true}.
 * flagon-login and flagon-redis ship and check their rows' metadata the same way.
 */
class SpringMetadataTest {
  @Test
  void metadata_isGeneratedFromTheSettingsTables() throws IOException {
    SpringMetadata.assertGenerated(SpringSettings.ROWS, true);
  }

  @Test
  void readme_namesTheStartersOwnProperties() {
    SpringMetadata.assertReadmeNames(SpringSettings.ROWS);
    assertThat(ReadmeSnippets.readme()).contains("`" + SpringSettings.ENABLED + "`");
  }
}
