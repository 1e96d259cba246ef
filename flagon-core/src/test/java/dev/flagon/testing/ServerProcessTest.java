package dev.flagon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the live tests rely on: the printed URL, a stopped server, and the log's end when a start fails. */
class ServerProcessTest {
  @TempDir Path dir;

  private ServerProcess start(String script, Duration timeout) throws Exception {
    return ServerProcess.start(List.of("sh", "-c", script), Map.of("GREETING", "starting"), dir.resolve("s.log"),
        timeout);
  }

  @Test
  void start_returnsThePrintedUrl_andCloseStopsTheServer() throws Exception {
    ProcessHandle child;
    try (ServerProcess server = start("echo $GREETING; echo 'listening on http://127.0.0.1:4321'; exec sleep 60",
        Duration.ofSeconds(30))) {
      assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:4321");
      child = ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("sleep"))
          .findFirst().orElseThrow();
    }
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void start_ofAServerThatExits_showsTheEndOfItsLog() {
    assertThatThrownBy(() -> start("echo 'Address already in use' >&2; exit 1", Duration.ofSeconds(30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited before it was ready")
        .hasMessageEndingWith("s.log:\nAddress already in use\n");
  }

  @Test
  void start_ofAServerThatNeverGetsReady_stopsItAtTheTimeout() {
    assertThatThrownBy(() -> start("echo 'still loading' >&2; exec sleep 60", Duration.ofMillis(500)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was not ready within 500 ms")
        .hasMessageEndingWith("still loading\n");
    assertThat(ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("sleep")))
        .isEmpty();
  }
}
