package dev.flagon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bounds the tests rely on: output captured, a stuck child killed at its timeout, stop ending any child. */
class SubprocessTest {
  private static ProcessBuilder sh(String script) {
    return new ProcessBuilder("sh", "-c", script);
  }

  @Test
  void run_capturesStdinStdoutStderrAndExit_failureShowsStderr() throws Exception {
    Subprocess.Result result =
        Subprocess.run("the script", sh("cat; echo oops >&2; exit 3"), "in", Duration.ofSeconds(30));

    assertThat(result).extracting("finished", "exit", "out", "err").containsExactly(true, 3, "in", "oops\n");
    assertThatThrownBy(result::orFail).hasMessage("the script failed (exit 3):\noops\n");
  }

  @Test
  void run_pastTheTimeout_killsAndSaysSo() throws Exception {
    Subprocess.Result result = Subprocess.run("sleeper", sh("echo started; exec sleep 60"), "", Duration.ofSeconds(1));

    assertThat(result.finished()).isFalse();
    assertThat(result.failure()).isEqualTo("sleeper did not finish within 1 s:\nstarted\n");
  }

  @Test
  void stop_endsAChildThatIgnoresSigterm() throws Exception {
    Process child = sh("trap '' TERM; echo ready; while :; do sleep 1; done").start();
    assertThat(new String(child.getInputStream().readNBytes(6))).isEqualTo("ready\n");

    Subprocess.stop(child, Duration.ofMillis(300));

    assertThat(child.isAlive()).isFalse();
  }
}
