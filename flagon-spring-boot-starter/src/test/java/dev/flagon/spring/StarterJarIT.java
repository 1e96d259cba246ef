package dev.flagon.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged starter carries what Spring Boot and IDEs look for. */
class StarterJarIT {

  @Test
  void starterJar_packaged_holdsRegistrationsAndPropertyMetadata() throws IOException {
    try (JarFile jar = new JarFile(starterJar().toFile())) {
      String imports = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
      assertThat(text(jar, imports))
          .contains("dev.flagon.spring.FlagonAutoConfiguration");
      assertThat(text(jar, "META-INF/spring.factories"))
          .contains("org.springframework.boot.diagnostics.FailureAnalyzer")
          .contains("dev.flagon.spring.InvalidFlagonConfigurationException$Analyzer");
      String metadata = text(jar, "META-INF/spring-configuration-metadata.json");
      for (String property : new String[] {"flagon.enabled", "flagon.secret-key",
          "flagon.secret-key-fallbacks", "flagon.permanent-session-lifetime", "flagon.refresh-each-request",
          "flagon.max-cookie-size",
          "flagon.size-policy", "flagon.http-session-view", "flagon.cookie.name", "flagon.cookie.domain",
          "flagon.cookie.path", "flagon.cookie.http-only", "flagon.cookie.secure", "flagon.cookie.same-site",
          "flagon.cookie.partitioned"}) {
        assertThat(metadata).contains("\"name\": \"" + property + "\"");
      }
      assertThat(metadata).contains("openssl rand -hex 32"); // descriptions come from the field javadoc
    }
  }

  private static Path starterJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      String name = "flagon-spring-boot-starter-[^-]+(-SNAPSHOT)?\\.jar";
      return files.filter(p -> p.getFileName().toString().matches(name))
          .findFirst().orElseThrow(() -> new AssertionError("run after package: no starter jar in target/"));
    }
  }

  private static String text(JarFile jar, String entry) throws IOException {
    assertThat(jar.getEntry(entry)).as(entry).isNotNull();
    return new String(jar.getInputStream(jar.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
  }
}
