package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.ReadmeSnippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's servlet example compiles against the real API (with a Jetty context in scope). */
class ReadmeSnippetsTest {
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
}
