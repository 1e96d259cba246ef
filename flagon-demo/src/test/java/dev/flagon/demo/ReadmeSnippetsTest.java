package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The README's Java examples compile against the real API: each {@code java} block that follows a
 * {@code <!-- snippet: servlet -->} marker is compiled as the body of a method that has a Jetty
 * {@code context}, a {@code request} and a {@code response} in scope.
 */
class ReadmeSnippetsTest {
  private static final Pattern SERVLET_SNIPPET =
      Pattern.compile("<!-- snippet: servlet -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  private static final String TEMPLATE = """
      import dev.flagon.*;
      import dev.flagon.servlet.FlagonFilter;
      import jakarta.servlet.DispatcherType;
      import jakarta.servlet.http.HttpServletRequest;
      import jakarta.servlet.http.HttpServletResponse;
      import java.util.EnumSet;
      import org.eclipse.jetty.ee10.servlet.FilterHolder;
      import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

      class Snippet%d {
        void run(ServletContextHandler context, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
      %s
        }
      }
      """;

  @Test
  void readmeServletSnippets_compileAgainstTheApi() throws IOException {
    List<String> snippets = servletSnippets();
    assertThat(snippets).as("README servlet snippets").isNotEmpty();

    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      sources.add(source("Snippet" + i, TEMPLATE.formatted(i, snippets.get(i))));
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("readme-snippets");
    List<String> options = List.of(
        "-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none");
    boolean compiled = compiler.getTask(null, null, diagnostics, options, null, sources).call();

    assertThat(diagnostics.getDiagnostics())
        .filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .extracting(d -> d.getMessage(null))
        .isEmpty();
    assertThat(compiled).isTrue();
  }

  private static List<String> servletSnippets() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher matcher = SERVLET_SNIPPET.matcher(readme);
    List<String> snippets = new ArrayList<>();
    while (matcher.find()) {
      snippets.add(matcher.group(1));
    }
    return snippets;
  }

  private static JavaFileObject source(String className, String code) {
    return new SimpleJavaFileObject(
        URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }
}
