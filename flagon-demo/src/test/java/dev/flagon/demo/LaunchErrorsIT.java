package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

  record Run(int exit, String out, String err) {}

  private Run run(String script, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(SCRIPTS.resolve(script).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("FLAGON_"));
    builder.environment().putAll(environment);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(script + " did not exit; stderr: " + Files.readString(err));
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static void assertOneLine(Run run, int exit) {
    assertThat(run.exit()).as(run.err()).isEqualTo(exit);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).as("exactly one line").matches("[^\\n]+\\n");
  }

  @Test
  void demo_refusedKey_printsOneLineAndExits2() throws Exception {
    Run run = run("demo", Map.of("FLAGON_SECRET_KEY", "changeme"), "--port", "0");

    assertOneLine(run, 2);
    assertThat(run.err()).contains("SECRET_KEY is too weak", "./flagon secret");
  }

  @Test
  void demo_portInUse_printsOneLineNamingPortAndExits1() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run run = run("demo", Map.of("FLAGON_SECRET_KEY", "launch-errors-it-secret-key-0123"),
          "--port", Integer.toString(busy.getLocalPort()));

      assertOneLine(run, 1);
      assertThat(run.err()).contains("--port");
    }
  }

  @Test
  void conformanceServer_malformedConfig_printsOneLineAndExits2() throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), "{\"config\": {\n");

    Run run = run("conformance-server", Map.of(), "--port", "0", "--config", config.toString());

    assertOneLine(run, 2);
    assertThat(run.err()).contains("not valid JSON");
  }
}
