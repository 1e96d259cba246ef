package dev.flagon.testing;

import dev.flagon.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles the repository README's (and docs') Java examples against the real API, so docs break the
 * build when they drift. Each {@code java} block that follows a {@code <!-- snippet: NAME -->} marker is pasted
 * into a template (a class around a method body, with the imports it needs) and compiled with the
 * test's class path. Each integration module checks its own snippets with its own class path.
 */
public final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /** The java blocks marked {@code <!-- snippet: name -->} in the repository's README. */
  public static List<String> marked(String name) {
    return marked("README.md", name);
  }

  /** The java blocks marked {@code <!-- snippet: name -->} in a Markdown file, such as {@code docs/login.md}. */
  public static List<String> marked(String document, String name) {
    Pattern block = Pattern.compile(
        "<!-- snippet: " + Pattern.quote(name) + " -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
    Matcher matcher = block.matcher(read(document));
    List<String> snippets = new ArrayList<>();
    while (matcher.find()) {
      snippets.add(matcher.group(1));
    }
    return snippets;
  }

  /**
   * Compiles each snippet inside {@code template}, whose {@code %1$d} is a unique number (for the class
   * name {@code Snippet%1$d}) and {@code %2$s} the snippet.
   *
   * @return the compiler's error messages, empty when everything compiled
   */
  public static List<String> compileErrors(List<String> snippets, String template) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      sources.add(source("Snippet" + i, String.format(template, i, snippets.get(i))));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
        "-d", tempDirectory().toString(), "-proc:none");
    boolean compiled = compiler.getTask(null, null, diagnostics, options, null, sources).call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.getMessage(null));
      }
    }
    if (!compiled && errors.isEmpty()) {
      errors.add("the compiler failed without an error message");
    }
    return errors;
  }

  /**
   * The classes named in the last cell of the README's dependency-table row for a Maven artifact
   * ({@code `dev.flagon:ARTIFACT:...`}): each {@code `dev.flagon...`} name there, for a test to load.
   */
  public static List<String> importsOf(String artifactId) {
    String coordinates = "`dev\\.flagon:" + Pattern.quote(artifactId) + ":[^`]*`";
    Pattern row = Pattern.compile("^\\|.*" + coordinates + ".*\\|([^|]*)\\|\\s*$", Pattern.MULTILINE);
    Matcher matcher = row.matcher(readme());
    if (!matcher.find()) {
      throw new IllegalStateException("the README has no dependency row for " + artifactId);
    }
    List<String> classes = new ArrayList<>();
    Matcher name = Pattern.compile("`(dev\\.flagon\\.[A-Za-z0-9_.]+)`").matcher(matcher.group(1));
    while (name.find()) {
      classes.add(name.group(1));
    }
    return classes;
  }

  /** The README's lines between {@code <!-- NAME: start -->} and {@code <!-- NAME: end -->}. */
  public static String section(String name) {
    String text = readme();
    int start = text.indexOf(startMarker(name));
    int end = text.indexOf(endMarker(name));
    if (start < 0 || end < start) {
      throw new IllegalStateException("the README has no section " + name);
    }
    return text.substring(start + startMarker(name).length(), end);
  }

  /** Replaces {@link #section}: for a test that regenerates it on request ({@code -Dflagon.regenerate}). */
  public static void writeSection(String name, String content) {
    String text = readme();
    String updated = text.substring(0, text.indexOf(startMarker(name)) + startMarker(name).length()) + content
        + text.substring(text.indexOf(endMarker(name)));
    try {
      Files.writeString(repositoryRoot().resolve("README.md"), updated, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The README's table of these settings rows: names, Spring properties, defaults and doc lines. */
  public static String settingsTable(List<Setting<?>> rows) {
    return "| name (environment: `FLAGON_` + name) | Spring property | default | what |\n"
        + "| --- | --- | --- | --- |\n"
        + rows.stream().map(s -> "| `" + s.name() + "` | `" + s.springName() + "` | "
            + (s.defaultText().equals("none") ? "none" : "`" + s.defaultText() + "`") + " | "
            + s.doc().replace("|", "\\|") + " |\n").collect(Collectors.joining());
  }

  private static String startMarker(String name) {
    return "<!-- " + name + ": start -->\n";
  }

  private static String endMarker(String name) {
    return "<!-- " + name + ": end -->";
  }

  /** The repository's root: the first directory above this one with {@code .ci/run}. */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve(".ci/run"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("the repository root (with .ci/run) is not above " + Path.of(""));
    }
    return dir;
  }

  /** The repository's README. */
  public static String readme() {
    return read("README.md");
  }

  private static String read(String document) {
    try {
      return Files.readString(repositoryRoot().resolve(document), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("readme-snippets");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
