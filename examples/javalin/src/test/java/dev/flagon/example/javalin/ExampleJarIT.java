package dev.flagon.example.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The documented start command's jar, run as a user would: {@code java -jar ... --port N}. */
class ExampleJarIT {
  private static final Path JAR = Path.of("target", "flagon-example-javalin-standalone.jar");
  private static final Pattern STARTED = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+/)");

  @Test
  void standaloneJar_withoutSecretKey_warnsAndServesLogin() throws Exception {
    assertThat(JAR).exists();
    Path stderr = Files.createTempFile("example-javalin", ".log");
    ProcessBuilder command = new ProcessBuilder(
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
            "--port", "0"))
        .redirectError(stderr.toFile());
    command.environment().remove("FLAGON_SECRET_KEY");
    Process process = command.start();
    try {
      String baseUrl = awaitStartLine(process);

      HttpResponse<String> login = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(baseUrl + "login")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(login.statusCode()).isEqualTo(302);
      assertThat(login.headers().allValues("Set-Cookie")).singleElement().asString()
          .startsWith("session=eyJ1c2VyX2lkIjoxMjM0NX0.").endsWith("; HttpOnly; Path=/");
      assertThat(Files.readString(stderr)).contains("FLAGON_SECRET_KEY is not set");
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      Files.deleteIfExists(stderr);
    }
  }

  /** The base URL from the first line the example prints; fails if it exits first. */
  private static String awaitStartLine(Process process) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).get(60, TimeUnit.SECONDS);
    assertThat(line).as("the example's start line").isNotNull();
    Matcher started = STARTED.matcher(line);
    assertThat(started.find()).as(line).isTrue();
    return started.group(1);
  }
}
