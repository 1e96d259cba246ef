package dev.flagon.redis;

import dev.flagon.testing.LivePython;
import dev.flagon.testing.PlainJson;
import dev.flagon.testing.Subprocess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Live msgspec 0.22 (src/test/python/msgspec_oracle.py): one Python process answering a request per line.
 * Start it with {@link #start()}, which fails under CI and skips elsewhere when the packages are missing.
 */
final class MsgspecOracle implements AutoCloseable {
  private static final HexFormat HEX = HexFormat.of();
  private final Process process;
  private final Writer in;
  private final BufferedReader out;

  private MsgspecOracle(Process process) {
    this.process = process;
    this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static MsgspecOracle start() {
    String python = LivePython.require("msgspec", "flask_session");
    Path script = Path.of("src/test/python/msgspec_oracle.py").toAbsolutePath();
    try {
      Process process = new ProcessBuilder(python, script.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      return new MsgspecOracle(process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** msgspec's bytes for the value an NV text (or, with {@code expr}, a Python expression) stands for. */
  Map<String, Object> encodeNv(String nvJson) {
    return ask("{\"op\":\"encode\",\"nv\":" + nvJson + "}");
  }

  Map<String, Object> encodeExpression(String python) {
    return ask("{\"op\":\"encode\",\"expr\":" + NvJson.of(python) + "}");
  }

  /** msgspec's decoding of bytes: {@code nv} and {@code type}, or {@code error} and {@code decode_error}. */
  Map<String, Object> decode(SerializationFormat format, byte[] bytes) {
    return ask("{\"op\":\"decode\",\"format\":\"" + format.flaskName() + "\",\"hex\":\"" + HEX.formatHex(bytes) + "\"}");
  }

  /** The bytes of one format's answer to an encode, or null if msgspec refused the value. */
  static byte[] bytes(Map<String, Object> encoded, SerializationFormat format) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) encoded.get(format.flaskName());
    return result.containsKey("hex") ? HEX.parseHex((String) result.get("hex")) : null;
  }

  static String error(Map<String, Object> encoded, SerializationFormat format) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) encoded.get(format.flaskName());
    return (String) result.get("error");
  }

  private synchronized Map<String, Object> ask(String request) {
    try {
      in.write(request);
      in.write('\n');
      in.flush();
      String line = answerWithin(Duration.ofSeconds(60), request);
      if (line == null) {
        throw new IllegalStateException("the msgspec oracle exited");
      }
      Map<String, Object> answer = PlainJson.map(PlainJson.parse(line));
      if (answer.containsKey("oracle_error")) {
        throw new IllegalStateException("the oracle failed: " + answer.get("oracle_error"));
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The oracle's next line; a hung oracle fails the test instead of hanging the build. */
  private String answerWithin(Duration limit, String request) throws IOException {
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try {
      return line.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("the msgspec oracle did not answer within " + limit + ": " + request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the msgspec oracle", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // the process is ending anyway
    }
    Subprocess.stop(process, Duration.ofSeconds(10));
  }
}
