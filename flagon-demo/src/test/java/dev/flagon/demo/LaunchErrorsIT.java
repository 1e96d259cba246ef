package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.Subprocess;
import dev.flagon.testing.Subprocess.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/demo} and {@code scripts/conformance-server} as a user runs them: a configuration error
 * or a busy port is exactly one line on stderr, nothing on stdout, and the exit status (2, or 1 for the
 * port), from the real {@code main} and JVM.
 */
class LaunchErrorsIT {
  private static final Path SCRIPTS = Path.of(System.getProperty("user.dir")).resolveSibling("scripts");

  @TempDir Path dir;

  private Result run(String script, Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(SCRIPTS.resolve(script).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("FLAGON_"));
    builder.environment().putAll(environment);
    Result run = Subprocess.run(script, builder, "", Duration.ofSeconds(120));
    if (!run.finished()) {
      throw new AssertionError(run.failure());
    }
    return run;
  }

  private static void assertOneLine(Result run, int exit) {
    assertThat(run.exit()).as(run.err()).isEqualTo(exit);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).as("exactly one line").matches("[^\\n]+\\n");
  }

  @Test
  void demo_refusedKey_printsOneLineAndExits2() throws Exception {
    Result run = run("demo", Map.of("FLAGON_SECRET_KEY", "changeme"), "--port", "0");

    assertOneLine(run, 2);
    assertThat(run.err()).contains("SECRET_KEY is too weak", "./flagon secret");
  }

  @Test
  void demo_portInUse_printsOneLineNamingPortAndExits1() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result run = run("demo", Map.of("FLAGON_SECRET_KEY", "launch-errors-it-secret-key-0123"),
          "--port", Integer.toString(busy.getLocalPort()));

      assertOneLine(run, 1);
      assertThat(run.err()).contains("--port");
    }
  }

  @Test
  void conformanceServer_malformedConfig_printsOneLineAndExits2() throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), "{\"config\": {\n");

    Result run = run("conformance-server", Map.of(), "--port", "0", "--config", config.toString());

    assertOneLine(run, 2);
    assertThat(run.err()).contains("not valid JSON");
  }
}
