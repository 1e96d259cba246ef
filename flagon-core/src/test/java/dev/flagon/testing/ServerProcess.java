package dev.flagon.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server the tests start as a child process (the Flask apps, the conformance server script): started with
 * {@code --port 0} or its like, it prints {@code listening on http://HOST:PORT} once it accepts requests, so
 * no port is picked before the server binds it. Its stderr goes to a log file, whose end failures show.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("listening on (http://\\S+)");
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final int LOG_TAIL = 4000;

  private final Process process;
  private final String baseUrl;

  private ServerProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts the command and waits at most {@code timeout} for its readiness line; stops it if that never
   * comes. @throws IllegalStateException naming the command and showing the end of its log
   */
  public static ServerProcess start(
      List<String> command, Map<String, String> environment, Path log, Duration timeout) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyUrl(process));
    String url;
    try {
      url = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      Subprocess.stop(process, GRACE);
      throw new IllegalStateException(command + " was not ready within " + timeout.toMillis() + " ms"
          + logTail(log), e);
    }
    if (url == null) {
      Subprocess.stop(process, GRACE);
      throw new IllegalStateException(command + " exited before it was ready" + logTail(log));
    }
    return new ServerProcess(process, url);
  }

  /** The base URL it printed, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() {
    Subprocess.stop(process, GRACE);
  }

  // Reads stdout until the readiness line, then keeps draining it so the process never blocks on a full pipe.
  private static String readyUrl(Process process) {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
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

  private static String logTail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return "; the end of " + log + ":\n" + text.substring(Math.max(0, text.length() - LOG_TAIL));
    } catch (IOException e) {
      return "; see " + log;
    }
  }
}
