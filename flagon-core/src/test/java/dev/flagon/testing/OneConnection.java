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
 * cookie alternating with tampered ones, pipelined and then one at a time, on a raw socket read by the
 * responses' own framing. Bounded by a socket timeout; the tampered cookies include letter-case changes,
 * which a server's case-insensitive header cache (Jetty's default) answers with the earlier, valid value.
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
      Response login = connection.exchange(List.of(request("/login", null, headers))).get(0);
      String valid = login.all("Set-Cookie").stream().map(header -> header.split(";", 2)[0])
          .filter(pair -> pair.startsWith(cookieName + "=")).findFirst()
          .orElseThrow(() -> new AssertionError("/login set no " + cookieName + " cookie: " + login));
      List<String> cookies = new ArrayList<>();
      for (String tampered : tampered(valid)) {
        cookies.add(valid);
        cookies.add(tampered);
      }
      List<String> pipelined = cookies.stream().map(cookie -> request("/", cookie, headers)).toList();
      assertAnswers(cookies, valid, connection.exchange(pipelined), "pipelined");
      List<Response> oneByOne = new ArrayList<>();
      for (String request : pipelined) {
        oneByOne.addAll(connection.exchange(List.of(request)));
      }
      assertAnswers(cookies, valid, oneByOne, "one at a time");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

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

  private static void assertAnswers(List<String> cookies, String valid, List<Response> answers, String how) {
    assertThat(answers).hasSameSizeAs(cookies);
    for (int i = 0; i < cookies.size(); i++) {
      boolean isValid = cookies.get(i).equals(valid);
      assertThat(answers.get(i).status()).as(how + " answer %d", i).isEqualTo(200);
      assertThat(answers.get(i).body())
          .as("%s answer %d, to the %s cookie %s", how, i, isValid ? "valid" : "tampered", cookies.get(i))
          .contains(isValid ? LOGGED_IN : LOGGED_OUT);
    }
  }

  private static String request(String path, String cookie, String... headers) {
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    if (cookie != null) {
      request.append("Cookie: ").append(cookie).append("\r\n");
    }
    return request.toString();
  }

  /** Writes the requests at once (pipelined), then reads as many responses. */
  private List<Response> exchange(List<String> requests) throws IOException {
    StringBuilder all = new StringBuilder();
    requests.forEach(request -> all.append(request).append("Host: ").append(host).append("\r\n\r\n"));
    socket.getOutputStream().write(all.toString().getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    List<Response> responses = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      responses.add(read());
    }
    return responses;
  }

  /** One response, framed by Content-Length or chunked encoding (the catalog never closes to end a body). */
  private Response read() throws IOException {
    String[] statusLine = line().split(" ", 3);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
    }
    Response head = new Response(Integer.parseInt(statusLine[1]), headers, "");
    byte[] body;
    if (head.all("Transfer-Encoding").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
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
