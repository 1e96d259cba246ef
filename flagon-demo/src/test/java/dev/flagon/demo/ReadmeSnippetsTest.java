package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.ReadmeSnippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's servlet example compiles against the real API (with a Jetty context in scope), and so does
 * docs/security.md's revocation example: it needs only the core, whose own tests run on the module path,
 * where the compiler these tests call does not see it.
 */
class ReadmeSnippetsTest {
  private static final String VALIDATOR_TEMPLATE = """
      import dev.flagon.*;
      import java.util.*;

      class Snippet%1$d {
        interface Users { long generation(Object id); void incrementGeneration(Object id); }

        FlagonConfig run(Users users) {
      %2$s
          return config;
        }
      }
      """;

  private static final String TEMPLATE = """
      import dev.flagon.*;
      import dev.flagon.servlet.FlagonFilter;
      import jakarta.servlet.DispatcherType;
      import jakarta.servlet.http.HttpServletRequest;
      import jakarta.servlet.http.HttpServletResponse;
      import java.util.EnumSet;
      import org.eclipse.jetty.ee10.servlet.FilterHolder;
      import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

      class Snippet%1$d {
        void run(ServletContextHandler context, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
      %2$s
        }
      }
      """;

  @Test
  void readmeServletSnippet_compilesAgainstTheApi() {
    List<String> snippets = ReadmeSnippets.marked("servlet");
    assertThat(snippets).isNotEmpty();
    assertThat(ReadmeSnippets.compileErrors(snippets, TEMPLATE)).isEmpty();
  }

  @Test
  void securityDocSessionValidatorSnippet_compilesAgainstTheApi() {
    List<String> snippets = ReadmeSnippets.marked("docs/security.md", "session-validator");
    assertThat(snippets).hasSize(1);
    assertThat(ReadmeSnippets.compileErrors(snippets, VALIDATOR_TEMPLATE)).isEmpty();
  }
}
