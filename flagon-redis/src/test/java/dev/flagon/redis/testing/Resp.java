package dev.flagon.redis.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RESP2 client on a plain socket, independent of the Lettuce code under test: tests set up and
 * inspect Redis through it. One command per connection; replies are {@link String} (simple), {@link Long},
 * {@code byte[]} (bulk), {@link List} (array), null, or an {@link Error} value for an error reply.
 */
public final class Resp {
  /** An error reply such as {@code ERR unknown command}. */
  public record Error(String message) {}

  private Resp() {}

  /**
   * Sends one command to 127.0.0.1:port and reads its reply, waiting at most {@code timeoutMillis}.
   *
   * @throws UncheckedIOException if the server cannot be reached or does not answer in time
   */
  public static Object command(int port, int timeoutMillis, String... args) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      send(socket.getOutputStream(), args);
      return read(new BufferedInputStream(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException("Redis on port " + port + ": " + args[0], e);
    }
  }

  /** {@link #command} with a 5 s timeout. */
  public static Object command(int port, String... args) {
    return command(port, 5000, args);
  }

  /** A bulk reply as text (UTF-8), or null. */
  public static String text(Object reply) {
    if (reply instanceof Error error) {
      throw new IllegalStateException("Redis error: " + error.message());
    }
    return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) reply;
  }

  static void send(OutputStream out, String... args) throws IOException {
    ByteArrayOutputStream command = new ByteArrayOutputStream();
    command.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      command.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      command.writeBytes(bytes);
      command.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write(command.toByteArray());
    out.flush();
  }

  static Object read(InputStream in) throws IOException {
    int type = in.read();
    String line = line(in);
    switch (type) {
      case '+':
        return line;
      case '-':
        return new Error(line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] bytes = in.readNBytes(length);
        line(in);
        return bytes;
      }
      case '*': {
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          items.add(read(in));
        }
        return items;
      }
      default:
        throw new IOException("not a RESP reply (type byte " + type + ")");
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\r'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-reply");
      }
      line.write(b);
    }
    in.read(); // '\n'
    return line.toString(StandardCharsets.UTF_8);
  }
}
