package dev.flagon.redis.testing;

import static org.assertj.core.api.Assertions.fail;

import dev.flagon.testing.Subprocess;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} (Debian's package) for tests: on a free loopback port, in its own temporary
 * directory, with no configuration file from the machine. Data is kept in an append-only file synced on
 * every write, so {@link #restart} brings back every key. {@code DEBUG} is enabled for loopback clients
 * ({@link #debugSleep} makes Redis slow). Stopped and its directory deleted by {@link #close}, and by a
 * shutdown hook if a test never gets there.
 *
 * <p>Where {@code redis-server} is missing, {@link #start} fails when {@code CI} is set and skips the test
 * otherwise, saying why.
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

  private final Path dir;
  private final int port;
  private final List<String> extraArgs;
  private final boolean sentinel;
  private Process process;
  private boolean frozen;
  private final Thread cleanup;

  private RedisServer(Path dir, int port, List<String> extraArgs, boolean sentinel) {
    this.dir = dir;
    this.port = port;
    this.extraArgs = extraArgs;
    this.sentinel = sentinel;
    this.cleanup = new Thread(this::destroy, "redis-server cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** A started standalone server. */
  public static RedisServer start() {
    return start(List.of());
  }

  /** A started server with extra {@code redis-server} arguments (such as cluster mode). */
  static RedisServer start(List<String> extraArgs) {
    return start(extraArgs, false);
  }

  /**
   * A started Sentinel that monitors {@code master} under the name {@code mymaster} (quorum 1, down after 1 s
   * without an answer, so that failover tests wait seconds, not the default minutes), for
   * {@code redis-sentinel://127.0.0.1:PORT/0#mymaster} URLs.
   */
  public static RedisServer startSentinel(RedisServer master) {
    return start(List.of("sentinel monitor mymaster 127.0.0.1 " + master.port() + " 1",
        "sentinel down-after-milliseconds mymaster 1000", "sentinel failover-timeout mymaster 10000"), true);
  }

  /** A started standalone server replicating {@code master} ({@code --replicaof}). */
  public static RedisServer startReplica(RedisServer master) {
    return start(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
  }

  private static RedisServer start(List<String> extraArgs, boolean sentinel) {
    String binary = requireBinary("redis-server");
    for (int attempt = 1; ; attempt++) {
      RedisServer server;
      try {
        server = new RedisServer(Files.createTempDirectory("flagon-redis-"), freePort(), extraArgs, sentinel);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        server.launch(binary);
        return server;
      } catch (RuntimeException e) {
        server.close();
        if (attempt == 3) {
          throw e; // a port taken between the check and the bind, three times over: report it
        }
      }
    }
  }

  /** The port, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:PORT/0}. */
  public String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** Whether the process is running (not stopped, and not {@link #freeze frozen}). */
  public boolean isRunning() {
    return process != null && process.isAlive() && !frozen;
  }

  /** Whether the server's {@code ROLE} is master (a replica promoted by a failover says so too). */
  public boolean isMaster() {
    return "master".equals(Resp.text(((List<?>) command("ROLE")).get(0)));
  }

  /** Stops the server (SIGTERM: Redis finishes its append-only file) and waits for it to exit. */
  public void stop() {
    if (process != null) {
      Subprocess.stop(process, frozen ? Duration.ZERO : Duration.ofSeconds(20)); // frozen: SIGTERM waits forever
      process = null;
      frozen = false;
    }
  }

  /**
   * Freezes the server ({@code SIGSTOP}), as a paused VM or a network partition does: its connections stay
   * open and it answers nothing. {@link #close} still ends it.
   */
  public void freeze() {
    try {
      Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -STOP failed for redis-server on port " + port);
      }
      frozen = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while freezing redis-server", e);
    }
  }

  /** Starts the stopped server again on the same port with the same data directory. */
  public void restart() {
    stop();
    launch(requireBinary("redis-server"));
  }

  /**
   * Sends {@code DEBUG SLEEP seconds} on a connection of its own and returns once Redis is asleep: it answers
   * nothing else until it wakes up.
   *
   * @return completes when Redis has woken up
   */
  public CompletableFuture<Void> debugSleep(double seconds) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout((int) (seconds * 1000) + 10_000);
      Resp.send(socket.getOutputStream(), "DEBUG", "SLEEP", Double.toString(seconds));
    } catch (IOException e) {
      closeQuietly(socket);
      throw new UncheckedIOException(e);
    }
    Thread waiter = new Thread(() -> {
      try (socket) {
        Resp.read(new BufferedInputStream(socket.getInputStream()));
        done.complete(null);
      } catch (IOException e) {
        done.completeExceptionally(e);
      }
    }, "redis-debug-sleep");
    waiter.setDaemon(true);
    waiter.start();
    awaitAsleep();
    return done;
  }

  /**
   * Sent is not asleep yet: in one event-loop turn Redis may answer a command that arrived on an open connection
   * (a client under test) before it reads DEBUG SLEEP on the new one. A command on a newer connection is read
   * after it, so Redis is asleep once a PING on a new connection goes unanswered for 300 ms.
   */
  private void awaitAsleep() {
    Await.until(Duration.ofSeconds(10), "redis-server on port " + port + " falling asleep", () -> {
      try {
        Resp.command(port, 300, "PING");
        return false; // answered: DEBUG SLEEP not read yet
      } catch (UncheckedIOException noAnswer) {
        return true;
      }
    });
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  /** One command through the independent {@link Resp} client. */
  public Object command(String... args) {
    return Resp.command(port, args);
  }

  @Override
  public void close() {
    destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs destroy() anyway
    }
  }

  private void destroy() {
    if (process != null) {
      Subprocess.stop(process, Duration.ZERO); // no grace: the data goes with the directory
      process = null;
    }
    deleteTree(dir);
  }

  private void launch(String binary) {
    List<String> command = new ArrayList<>(List.of(binary));
    if (sentinel) { // a Sentinel needs a writable config file: its lines are the extra arguments
      Path config = dir.resolve("sentinel.conf");
      try {
        Files.writeString(config, String.join("\n", extraArgs) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      command.addAll(List.of(config.toString(), "--sentinel"));
    }
    command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
        "--daemonize", "no", "--logfile", "", "--protected-mode", "no"));
    if (!sentinel) {
      command.addAll(List.of("--save", "", "--appendonly", "yes", "--appendfsync", "always",
          "--enable-debug-command", "local"));
      command.addAll(extraArgs);
    }
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady(process);
  }

  /** Reads the log until Redis says it is ready (draining it afterwards so the pipe never fills). */
  private void awaitReady(Process started) {
    CountDownLatch ready = new CountDownLatch(1);
    StringBuilder log = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (ready.getCount() > 0) {
            synchronized (log) {
              log.append(line).append('\n');
            }
          }
          if (line.contains(sentinel ? "+monitor master" : "Ready to accept connections")) {
            ready.countDown();
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "redis-server-log-" + port);
    reader.setDaemon(true);
    reader.start();
    try {
      if (!ready.await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || !started.isAlive()) {
        started.destroyForcibly();
        synchronized (log) {
          throw new IllegalStateException("redis-server on port " + port + " did not start:\n" + log);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      started.destroyForcibly();
      throw new IllegalStateException("interrupted while starting redis-server", e);
    }
  }

  /** A loopback port that is free now, and whose cluster bus port (+10000) is free too. */
  static int freePort() {
    for (int i = 0; i < 50; i++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = socket.getLocalPort();
        if (port < 55_000) {
          try (ServerSocket bus = new ServerSocket(port + 10_000, 1, InetAddress.getLoopbackAddress())) {
            return port;
          } catch (IOException busTaken) {
            // try another
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free loopback port pair found");
  }

  /** The path of a Redis binary; missing: fails under CI, skips the test otherwise. */
  static String requireBinary(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String why = name + " is not installed (Debian: apt-get install redis-server; .ci/run installs it)";
    if (System.getenv("CI") != null) {
      fail("CI is set but the Redis tests cannot run: " + why);
    }
    Assumptions.abort(why + "; set CI to make this a failure");
    return null;
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
