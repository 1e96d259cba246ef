package dev.flagon.spring;

import dev.flagon.Setting;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * What the entry-point tests share (here and in flagon-login's and flagon-redis's Spring glue): the same
 * settings written for each entry point, and each entry point's outcome as one comparable line (the
 * configuration described, or the refusal's root cause).
 */
public final class EntryPoints {
  private EntryPoints() {}

  /** The text settings under another of each row's names (environment or Spring). */
  public static Map<String, String> renamed(Collection<Setting<?>> rows, Map<String, String> byFlaskName,
      Function<Setting<?>, String> name) {
    return rows.stream().filter(s -> byFlaskName.containsKey(s.name()))
        .collect(Collectors.toMap(name, s -> byFlaskName.get(s.name()), (a, b) -> b, LinkedHashMap::new));
  }

  /** The text written to a properties file in {@code dir}, as an application would keep it. */
  public static Path propertiesFile(Path dir, Map<String, String> text) throws IOException {
    Properties properties = new Properties();
    properties.putAll(text);
    Path file = Files.createTempFile(dir, "flagon", ".properties");
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(writer, null);
    }
    return file;
  }

  /** A properties file read back, as an application loads one. */
  public static Properties load(Path file) throws IOException {
    Properties loaded = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      loaded.load(reader);
    }
    return loaded;
  }

  /** The entry point's result described, or its refusal. */
  public static <T> String outcome(Callable<T> entryPoint, Function<T, String> describe) {
    try {
      return describe.apply(entryPoint.call());
    } catch (Exception e) {
      return refusal(e);
    }
  }

  /** The context started with only these properties (not this machine's FLAGON_ variables), described. */
  public static String spring(WebApplicationContextRunner runner, Map<String, String> properties,
      Function<AssertableWebApplicationContext, String> describe) {
    Map<String, Object> source = new LinkedHashMap<>(properties);
    String[] outcome = new String[1];
    runner.withInitializer(context -> {
      MutablePropertySources sources = context.getEnvironment().getPropertySources();
      sources.remove("systemEnvironment");
      sources.addFirst(new MapPropertySource("case", source));
    }).run(context -> outcome[0] = context.getStartupFailure() != null ? refusal(context.getStartupFailure())
        : outcome(() -> context, describe));
    return outcome[0];
  }

  /** The root cause's type and message: what the user is told. */
  public static String refusal(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return "refused: " + root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
