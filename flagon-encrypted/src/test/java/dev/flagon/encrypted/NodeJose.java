package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.fail;

import dev.flagon.testing.Subprocess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code src/test/js/interop.mjs} with Node and the jose package, installed once per build from the
 * committed lock file ({@code npm ci}, bounded to three minutes, log in {@code target/npm-ci.log}).
 *
 * <p>If Node, npm or the registry is missing, the calling test is skipped, unless the environment variable
 * {@code CI} is set: then it fails, so that CI cannot silently lose the interop check.
 */
final class NodeJose {
  private static final Path DIR = Path.of("src", "test", "js").toAbsolutePath();
  private static boolean installed;

  private NodeJose() {}

  /** The script's JSON answer to a JSON request. */
  static String run(String requestJson) {
    install();
    try {
      return Subprocess.run("node interop.mjs", new ProcessBuilder("node", "interop.mjs").directory(DIR.toFile()),
          requestJson, Duration.ofSeconds(60)).orFail().out();
    } catch (IOException e) {
      return unavailable("node could not be run: " + e.getMessage());
    }
  }

  private static synchronized void install() {
    if (installed) {
      return;
    }
    if (!Files.isDirectory(DIR.resolve("node_modules").resolve("jose"))) {
      Path log = Path.of("target", "npm-ci.log").toAbsolutePath();
      try {
        Files.createDirectories(log.getParent());
        Subprocess.Result npm = Subprocess.run("npm ci", new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()), "",
            Duration.ofSeconds(180));
        if (!npm.finished()) {
          unavailable("npm ci did not finish within 180 s (see " + log + ")");
        }
        if (npm.exit() != 0) {
          unavailable("npm ci failed (see " + log + "): " + Files.readString(log));
        }
      } catch (IOException e) {
        unavailable("npm could not be run: " + e.getMessage());
      }
    }
    installed = true;
  }

  private static String unavailable(String why) {
    if (System.getenv("CI") != null) {
      fail("the jose interop test needs Node and npm in CI: " + why);
    }
    Assumptions.abort(why);
    return null;
  }
}
