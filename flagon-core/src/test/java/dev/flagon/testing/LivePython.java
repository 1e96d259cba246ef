package dev.flagon.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The Python interpreter of the live interop tests: {@code FLAGON_PYTHON} (set by {@code .ci/run}), else
 * the project's {@code .venv} made by {@code scripts/python-env}, else {@code python3}. A test that needs
 * Python packages calls {@link #require}: where they are missing it fails when {@code CI} is set and is
 * skipped, saying why, otherwise.
 */
public final class LivePython {
  private LivePython() {}

  /** The interpreter's path or command name. */
  public static String executable() {
    String configured = System.getenv("FLAGON_PYTHON");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".ci/run"))) {
        Path venv = dir.resolve(".venv/bin/python");
        return Files.isExecutable(venv) ? venv.toString() : "python3";
      }
    }
    return "python3";
  }

  /**
   * The interpreter, after checking that it imports these modules.
   *
   * @param modules Python module names, such as {@code flask_session}
   */
  public static String require(String... modules) {
    String python = executable();
    String problem = problem(python, modules);
    if (problem != null) {
      String why = problem + "; run scripts/python-env (or set FLAGON_PYTHON)";
      if (System.getenv("CI") != null) {
        fail("CI is set but the live interop tests cannot run: " + why);
      }
      Assumptions.abort(why + "; set CI to make this a failure");
    }
    return python;
  }

  private static String problem(String python, String... modules) {
    String script = "import " + String.join(", ", modules);
    try {
      Subprocess.Result check = Subprocess.run(python, new ProcessBuilder(python, "-c", script)
          .redirectErrorStream(true), "", Duration.ofSeconds(60));
      if (!check.finished()) {
        return python + " did not answer within 60 s";
      }
      if (check.exit() != 0) {
        String[] lines = check.out().strip().split("\n");
        return python + " cannot import " + String.join(", ", modules) + " (" + lines[lines.length - 1] + ")";
      }
      return null;
    } catch (IOException e) {
      return "cannot start " + python + " (" + e.getMessage() + ")";
    }
  }
}
