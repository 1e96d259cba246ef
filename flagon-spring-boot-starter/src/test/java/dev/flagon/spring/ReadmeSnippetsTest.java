package dev.flagon.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.ReadmeSnippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Spring Boot example compiles against the real API (as a controller method). */
class ReadmeSnippetsTest {
  private static final String TEMPLATE = """
      import dev.flagon.Session;
      import org.springframework.web.bind.annotation.GetMapping;

      class Snippet%1$d {
      %2$s
      }
      """;

  @Test
  void readmeSpringSnippet_compilesAgainstTheApi() {
    List<String> snippets = ReadmeSnippets.marked("spring");
    assertThat(snippets).isNotEmpty();
    assertThat(ReadmeSnippets.compileErrors(snippets, TEMPLATE)).isEmpty();
  }

  @Test
  void readmeDependencyTable_importsOfCoreServletAndStarter_nameRealClasses() throws ClassNotFoundException {
    for (String artifact : List.of("flagon-core", "flagon-servlet", "flagon-spring-boot-starter")) {
      assertThat(ReadmeSnippets.importsOf(artifact)).as(artifact).isNotEmpty();
      for (String name : ReadmeSnippets.importsOf(artifact)) {
        Class.forName(name);
      }
    }
  }
}
