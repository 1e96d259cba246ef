package dev.flagon.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The child processes of the tests (Python oracles, redis-cli, Node, npm, launch scripts, servers), always
 * bounded by a timeout so that a stuck child fails its test instead of hanging the build: {@link #run} one to
 * completion with its output captured, or {@link #stop} a long-running one.
 */
public final class Subprocess {
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private Subprocess() {}

  /**
   * How a run ended: {@code finished} is false when the timeout killed it (then {@code exit} is -1).
   *
   * @param name what failure messages call the command
   */
  public record Result(String name, Duration timeout, boolean finished, int exit, String out, String err) {
    /** Whether it exited with status 0 within the timeout. */
    public boolean succeeded() {
      return finished && exit == 0;
    }

    /** Why it did not succeed, with its stderr (its stdout where stderr is empty, as when merged). */
    public String failure() {
      String output = err.isBlank() ? out : err;
      return name + (finished ? " failed (exit " + exit + ")" : " did not finish within " + timeout.toSeconds()
          + " s") + (output.isBlank() ? "" : ":\n" + output);
    }

    /** This result if it succeeded; else fails the test with {@link #failure}. */
    public Result orFail() {
      if (!succeeded()) {
        fail(failure());
      }
      return this;
    }
  }

  /**
   * Starts {@code command}, writes {@code stdin} and closes it, and waits at most {@code timeout} for the
   * process to exit, killing it when it does not. Stdin, stdout and stderr each have a thread of their own,
   * so no pipe can fill and block the child; streams the builder redirects come back empty.
   *
   * @throws IOException if the command cannot be started (the caller decides: skip or fail)
   */
  public static Result run(String name, ProcessBuilder command, String stdin, Duration timeout)
      throws IOException {
    Process process = command.start();
    pump("stdin of " + name, () -> {
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread outReader = pump("stdout of " + name, () -> process.getInputStream().transferTo(out));
    Thread errReader = pump("stderr of " + name, () -> process.getErrorStream().transferTo(err));
    boolean finished = waitFor(process, timeout);
    if (!finished) {
      kill(process);
    }
    // A grandchild may hold a pipe open after the child is gone: then the text is what arrived in time.
    join(outReader);
    join(errReader);
    int exit = finished ? process.exitValue() : -1;
    return new Result(name, timeout, finished, exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Stops a long-running child: asks it to end (SIGTERM), gives it {@code grace} to do so, then kills it
   * (SIGKILL) and waits for it to be gone.
   */
  public static void stop(Process process, Duration grace) {
    process.destroy();
    if (!waitFor(process, grace)) {
      kill(process);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    waitFor(process, KILL_WAIT);
  }

  /** False also when interrupted (the flag is set again): the caller then kills the child. */
  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void join(Thread reader) {
    try {
      reader.join(KILL_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  /** Runs a blocking pipe transfer on a daemon thread; a pipe the child closed early ends it quietly. */
  private static Thread pump(String name, Io io) {
    Thread thread = new Thread(() -> {
      try {
        io.run();
      } catch (IOException e) {
        // the child exited or closed the pipe: its exit status and stderr tell what happened
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
