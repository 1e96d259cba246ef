package dev.flagon.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/** The README's dependency row for this module names its real entry point. */
class ReadmeTest {
  @Test
  void readmeDependencyRow_importsOfThisModule_nameRealClasses() {
    assertThat(ReadmeSnippets.importsOf("flagon-spring-security"))
        .containsExactly(FlaskLoginConfigurer.class.getName());
  }
}
