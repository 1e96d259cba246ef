package dev.flagon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cross-talk contract every integration must meet on one persistent HTTP/1.1 connection: each answer is
 * computed from its own request's {@code Cookie} header, never from a request before it (a stale session, a
 * response left over on the connection, a header value the server cached). Against the route catalog
 * ({@code /login} logs in as user 12345, {@code /} says who is logged in), it logs in, then sends the valid
 * cookie alternating with tampered ones and answers of other shapes (a redirect, a HEAD, a 404), pipelined
 * and then one at a time, on a raw socket read by the responses' own framing. Bounded by a socket timeout.
 * The tampered cookies include letter-case changes, which a server's case-insensitive header cache (Jetty's
 * default) answers with the earlier, valid value.
 */
public final class OneConnection implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final String LOGGED_IN = "Logged in as user 12345";
  private static final String LOGGED_OUT = "Not logged in";

  private final Socket socket;
  private final InputStream in;
  private final String host;

  private OneConnection(String baseUrl) throws IOException {
    URI uri = URI.create(baseUrl);
    socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(TIMEOUT_MILLIS);
    in = socket.getInputStream();
    host = uri.getHost() + ":" + uri.getPort();
  }

  /** One answer as read from the connection. */
  public record Response(int status, List<Map.Entry<String, String>> headers, String body) {
    /** Every value of a header (case-insensitive name), in order. */
    public List<String> all(String name) {
      return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue).toList();
    }
  }

  /**
   * Checks the contract on a server running the route catalog with cookie {@code cookieName}; every request
   * also carries {@code headers} (name, value, ...: a test clock, say).
   */
  public static void assertNoCrossTalk(String baseUrl, String cookieName, String... headers) {
    try (OneConnection connection = new OneConnection(baseUrl)) {
      Response login = connection.exchange(List.of(new Exchange("GET", "/login", null, 302, null)), headers).get(0);
      String valid = login.all("Set-Cookie").stream().map(header -> header.split(";", 2)[0])
          .filter(pair -> pair.startsWith(cookieName + "=")).findFirst()
          .orElseThrow(() -> new AssertionError("/login set no " + cookieName + " cookie: " + login));
      // Each valid/tampered pair is followed by an answer of another shape: a redirect, a HEAD, a 404.
      List<Exchange> others = List.of(new Exchange("GET", "/login", null, 302, null),
          new Exchange("HEAD", "/", valid, 0, null), new Exchange("GET", "/no-such-page", valid, 404, null));
      List<Exchange> exchanges = new ArrayList<>();
      List<String> tampered = tampered(valid);
      for (int i = 0; i < tampered.size(); i++) {
        exchanges.add(new Exchange("GET", "/", valid, 200, LOGGED_IN));
        exchanges.add(new Exchange("GET", "/", tampered.get(i), 200, LOGGED_OUT));
        exchanges.add(others.get(i % others.size()));
      }
      exchanges.add(new Exchange("GET", "/", tampered.get(0), 200, LOGGED_OUT)); // reads what the last one left
      assertAnswers(exchanges, connection.exchange(exchanges, headers), "pipelined");
      List<Response> oneByOne = new ArrayList<>();
      for (Exchange exchange : exchanges) {
        oneByOne.addAll(connection.exchange(List.of(exchange), headers));
      }
      assertAnswers(exchanges, oneByOne, "one at a time");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request and what its answer must be: a status (0: any) and a text its body holds (null: anything). */
  private record Exchange(String method, String path, String cookie, int status, String body) {}

  /** Letter-case changes in the signature and the payload, and a changed signature character. */
  static List<String> tampered(String pair) {
    int value = pair.indexOf('=') + 1;
    int signature = Math.max(value, pair.lastIndexOf('.') + 1); // a Redis session id may be unsigned
    int at = pair.length() - 10; // carries data bits only (the last character also holds padding)
    return List.of(
        swapFirstLetterCase(pair, signature),
        swapFirstLetterCase(pair, value),
        pair.substring(0, at) + (pair.charAt(at) == 'A' ? 'B' : 'A') + pair.substring(at + 1));
  }

  private static String swapFirstLetterCase(String pair, int from) {
    for (int i = from; i < pair.length(); i++) {
      char c = pair.charAt(i);
      if (Character.isLetter(c)) {
        char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        return pair.substring(0, i) + swapped + pair.substring(i + 1);
      }
    }
    throw new AssertionError("no letter to change in the cookie");
  }

  private static void assertAnswers(List<Exchange> exchanges, List<Response> answers, String how) {
    assertThat(answers).hasSameSizeAs(exchanges);
    for (int i = 0; i < exchanges.size(); i++) {
      Exchange sent = exchanges.get(i);
      String as = how + " answer " + i + ", to " + sent.method() + " " + sent.path() + " with " + sent.cookie();
      if (sent.status() != 0) {
        assertThat(answers.get(i).status()).as(as).isEqualTo(sent.status());
      }
      if (sent.body() != null) {
        assertThat(answers.get(i).body()).as(as).contains(sent.body());
      }
    }
  }

  private static String request(Exchange exchange, String host, String... headers) {
    StringBuilder request = new StringBuilder(exchange.method() + " " + exchange.path() + " HTTP/1.1\r\n");
    request.append("Host: ").append(host).append("\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    if (exchange.cookie() != null) {
      request.append("Cookie: ").append(exchange.cookie()).append("\r\n");
    }
    return request.append("\r\n").toString();
  }

  /** Writes the requests at once (pipelined), then reads as many responses. */
  private List<Response> exchange(List<Exchange> exchanges, String... headers) throws IOException {
    StringBuilder all = new StringBuilder();
    exchanges.forEach(exchange -> all.append(request(exchange, host, headers)));
    socket.getOutputStream().write(all.toString().getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    List<Response> responses = new ArrayList<>();
    for (Exchange exchange : exchanges) {
      responses.add(read(exchange.method().equals("HEAD")));
    }
    return responses;
  }

  /** One response, framed by Content-Length or chunked encoding (the catalog never closes to end a body). */
  private Response read(boolean bodiless) throws IOException {
    String[] statusLine = line().split(" ", 3);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
    }
    Response head = new Response(Integer.parseInt(statusLine[1]), headers, "");
    byte[] body;
    if (bodiless || head.status() == 204 || head.status() == 304) {
      body = new byte[0];
    } else if (head.all("Transfer-Encoding").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
      ByteArrayOutputStream chunks = new ByteArrayOutputStream();
      for (int size; (size = Integer.parseInt(line().split(";", 2)[0].trim(), 16)) > 0; line()) {
        chunks.write(in.readNBytes(size));
      }
      while (!line().isEmpty()) {
        // trailers
      }
      body = chunks.toByteArray();
    } else {
      List<String> length = head.all("Content-Length");
      body = in.readNBytes(length.isEmpty() ? 0 : Integer.parseInt(length.get(0)));
    }
    return new Response(head.status(), List.copyOf(headers), new String(body, StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new EOFException("the server closed the connection");
      }
      line.append((char) b);
    }
    int end = line.length() - (line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? 1 : 0);
    return line.substring(0, end);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
