package dev.flagon.demo;

import dev.flagon.testing.Subprocess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server started as a subprocess that prints {@code listening on http://HOST:PORT} when ready (the
 * conformance server script and the Flask app). Its stderr goes to a log file, named in failures.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final String baseUrl;

  private ServerProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /** Starts the command and waits (at most {@code timeout}) for its readiness line. */
  static ServerProcess start(
      List<String> command, Map<String, String> environment, Path log, Duration timeout) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyUrl(process));
    try {
      String url = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (url == null) {
        throw new IllegalStateException(command + " exited before it was ready; see " + log);
      }
      return new ServerProcess(process, url);
    } catch (Exception e) {
      Subprocess.stop(process, Duration.ofSeconds(10));
      throw e;
    }
  }

  /** The base URL it printed, without a trailing slash. */
  String baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() {
    Subprocess.stop(process, Duration.ofSeconds(10));
  }

  // Reads stdout until the readiness line, then keeps draining it so the process never blocks on a full pipe.
  private static String readyUrl(Process process) {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line; (line = out.readLine()) != null; ) {
        Matcher matcher = READY.matcher(line);
        if (matcher.find()) {
          Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "drain-stdout");
          drain.setDaemon(true);
          drain.start();
          return matcher.group(1);
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
