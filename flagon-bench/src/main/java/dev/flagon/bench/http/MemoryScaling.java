package dev.flagon.bench.http;

import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJson;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Heap after GC as distinct logged-in users hit a server: Flagon (each user sends its own signed cookie to
 * {@code GET /}; the server keeps nothing) against Jetty's in-memory {@code HttpSession} (each user logs in
 * with {@code GET /login}, which creates the session the server then keeps for its 30-minute timeout).
 *
 * <p>For each variant a fresh {@link BenchServer} starts pinned to one core, the heap is read (after full
 * GCs, via {@code /__heap}) before any user and at each checkpoint, and the server is stopped. The client
 * pipelines keep-alive requests over a few loopback connections and checks every response. Bounded: a
 * deadline per variant, and at most the last checkpoint's number of requests.
 *
 * <p>Usage: {@code MemoryScaling OUT.json [checkpoints=100000,1000000] [variants=flagon,httpsession]}.
 */
public final class MemoryScaling {
  private static final String SECRET_KEY = "flagon-bench-secret-key";
  private static final int CONNECTIONS = 4;
  private static final int BATCH = 64;
  private static final long DEADLINE_SECONDS = 300;

  private MemoryScaling() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long[] checkpoints = Arrays.stream((args.length > 1 ? args[1] : "100000,1000000").split(","))
        .mapToLong(Long::parseLong).toArray();
    String[] variants = (args.length > 2 ? args[2] : "flagon,httpsession").split(",");
    StringBuilder json = new StringBuilder("{\"checkpoints\":").append(Arrays.toString(checkpoints))
        .append(",\"server_jvm\":\"").append(String.join(" ", serverJvmFlags())).append("\",\"variants\":{");
    for (int v = 0; v < variants.length; v++) {
      json.append(v > 0 ? "," : "").append('"').append(variants[v]).append("\":")
          .append(run(variants[v], 18190 + v, checkpoints));
    }
    Files.writeString(out, json.append("}}\n").toString());
  }

  private static List<String> serverJvmFlags() {
    return List.of("-Xms256m", "-Xmx4g", "-XX:+UseSerialGC");
  }

  private static String run(String variant, int port, long[] checkpoints) throws Exception {
    List<String> command = new ArrayList<>(List.of("taskset", "-c", "1", "java"));
    command.addAll(serverJvmFlags());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(), variant,
        Integer.toString(port), SECRET_KEY));
    Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line == null || !line.startsWith("READY"); line = lines.readLine()) {
        if (line == null) {
          throw new IllegalStateException(variant + " server exited before it was ready");
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
      StringBuilder points = new StringBuilder("[{\"users\":0,\"heap_bytes\":").append(heap(port)).append('}');
      long done = 0;
      for (long checkpoint : checkpoints) {
        long start = System.nanoTime();
        hit(variant, port, done, checkpoint, deadline);
        double seconds = (System.nanoTime() - start) / 1e9;
        long heap = heap(port);
        System.err.printf("memory %-12s %,9d users  heap after GC %,d bytes  (%.0f req/s)%n", variant, checkpoint,
            heap, (checkpoint - done) / seconds);
        points.append(",{\"users\":").append(checkpoint).append(",\"heap_bytes\":").append(heap).append('}');
        done = checkpoint;
      }
      return points.append(']').toString();
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static long heap(int port) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(request("/__heap", null));
      return Long.parseLong(readResponse(new BufferedInputStream(socket.getInputStream()), null).trim());
    }
  }

  /** Users {@code [from, to)}, split over the connections. */
  private static void hit(String variant, int port, long from, long to, long deadline) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    try {
      List<Future<?>> parts = new ArrayList<>();
      long per = (to - from + CONNECTIONS - 1) / CONNECTIONS;
      for (int c = 0; c < CONNECTIONS; c++) {
        long a = from + c * per;
        long b = Math.min(to, a + per);
        parts.add(pool.submit(() -> {
          connection(variant, port, a, b, deadline);
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void connection(String variant, int port, long from, long to, long deadline) throws IOException {
    boolean flagon = !variant.equals("httpsession");
    UrlSafeTimedSerializer serializer =
        UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(SECRET_KEY)), Signing.flask());
    long now = System.currentTimeMillis() / 1000;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      for (long user = from; user < to; user += BATCH) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("memory run over its " + DEADLINE_SECONDS + " s deadline");
        }
        long end = Math.min(to, user + BATCH);
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (long u = user; u < end; u++) {
          batch.write(flagon
              ? request("/", serializer.dumps(TaggedJson.standard().dumps(Map.of("user_id", u)), now))
              : request("/login", null));
        }
        out.write(batch.toByteArray());
        for (long u = user; u < end; u++) {
          String[] setCookie = new String[1];
          String body = readResponse(in, setCookie);
          boolean ok = flagon ? body.equals("Logged in as user " + u)
              : body.equals("ok") && setCookie[0] != null && setCookie[0].startsWith("JSESSIONID=");
          if (!ok) {
            throw new IllegalStateException(variant + ": unexpected response for user " + u + ": " + body);
          }
        }
      }
    }
  }

  private static byte[] request(String path, String cookie) {
    return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + (cookie == null ? "" : "Cookie: session=" + cookie + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads one response with a Content-Length body; returns the body, and the Set-Cookie header if asked. */
  private static String readResponse(InputStream in, String[] setCookie) throws IOException {
    int length = -1;
    String status = readLine(in);
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("unexpected status: " + status);
    }
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Integer.parseInt(line.substring(colon + 1).trim());
      } else if (setCookie != null && name.equalsIgnoreCase("Set-Cookie")) {
        setCookie[0] = line.substring(colon + 1).trim();
      }
    }
    if (length < 0) {
      throw new IOException("response without Content-Length");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
