package dev.flagon.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.ReadmeSnippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's dependency row for this module names its real entry point; docs/login.md's chain compiles. */
class ReadmeTest {
  private static final String TEMPLATE = """
      import dev.flagon.spring.security.FlaskLoginConfigurer;
      import org.springframework.context.annotation.Bean;
      import org.springframework.security.config.Customizer;
      import org.springframework.security.config.annotation.web.builders.HttpSecurity;
      import org.springframework.security.web.SecurityFilterChain;

      class Snippet%1$d {
      %2$s
      }
      """;

  @Test
  void loginDoc_securityFilterChainExample_compiles() {
    List<String> snippets = ReadmeSnippets.marked("docs/login.md", "login-spring-security");
    assertThat(snippets).hasSize(1);
    assertThat(ReadmeSnippets.compileErrors(snippets, TEMPLATE)).isEmpty();
  }

  @Test
  void readmeDependencyRow_importsOfThisModule_nameRealClasses() {
    assertThat(ReadmeSnippets.importsOf("flagon-spring-security"))
        .containsExactly(FlaskLoginConfigurer.class.getName());
  }
}
