package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Path out = Path.of("target", "jose-interop.out").toAbsolutePath();
    Path err = Path.of("target", "jose-interop.err").toAbsolutePath();
    try {
      Process node = new ProcessBuilder("node", "interop.mjs").directory(DIR.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      node.getOutputStream().write(requestJson.getBytes(StandardCharsets.UTF_8));
      node.getOutputStream().close();
      if (!node.waitFor(60, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        fail("node interop.mjs did not finish within 60 s");
      }
      if (node.exitValue() != 0) {
        fail("node interop.mjs failed: " + Files.readString(err));
      }
      return Files.readString(out);
    } catch (IOException e) {
      return unavailable("node could not be run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund")).directory(DIR.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(180, TimeUnit.SECONDS)) {
          npm.destroyForcibly();
          unavailable("npm ci did not finish within 180 s (see " + log + ")");
        }
        if (npm.exitValue() != 0) {
          unavailable("npm ci failed (see " + log + "): " + Files.readString(log));
        }
      } catch (IOException e) {
        unavailable("npm could not be run: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
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
