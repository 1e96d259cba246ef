package dev.flagon.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.ReadmeSnippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Javalin example compiles against the real API (with a Flagon in scope). */
class ReadmeSnippetsTest {
  private static final String TEMPLATE = """
      import dev.flagon.*;
      import dev.flagon.javalin.FlagonPlugin;
      import io.javalin.Javalin;

      class Snippet%1$d {
        Javalin run(Flagon flagon) {
      %2$s
          return app;
        }
      }
      """;

  @Test
  void readmeJavalinSnippet_compilesAgainstTheApi() {
    List<String> snippets = ReadmeSnippets.marked("javalin");
    assertThat(snippets).isNotEmpty();
    assertThat(ReadmeSnippets.compileErrors(snippets, TEMPLATE)).isEmpty();
  }

  @Test
  void readmeDependencyTable_javalinImports_nameRealClasses() throws ClassNotFoundException {
    assertThat(ReadmeSnippets.importsOf("flagon-javalin")).isNotEmpty();
    for (String name : ReadmeSnippets.importsOf("flagon-javalin")) {
      Class.forName(name);
    }
  }
}
