package dev.flagon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * Replays an {@link HttpFlow} against a server running Flask's route catalog (spec section 1.6) on a real
 * socket, and checks what every integration must match: status, body (the {@code Location} for
 * redirects, whose bodies are informational), every {@code Set-Cookie} value byte for byte and in order,
 * and whether {@code Vary} lists {@code Cookie}. Each request carries the step's frozen clock in
 * {@value #CLOCK_HEADER} (seconds since the epoch), which the server under test must use as "now".
 * For a session format whose cookie bytes differ from Flask's, {@link #replayActions} compares what the
 * cookie does instead of its bytes.
 *
 * <p>Uses {@link HttpURLConnection} (no redirects followed, no cookie store) and reads headers by index so
 * that repeated ones keep their order.
 */
public final class FlowReplay {
  /** The request header carrying the step's {@code now}. */
  public static final String CLOCK_HEADER = "X-Test-Now";

  private FlowReplay() {}

  /** One response as received. */
  public record Response(int status, List<Map.Entry<String, String>> headers, String body) {
    /** Every value of a header (case-insensitive name), in order. */
    public List<String> all(String name) {
      return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue).toList();
    }
  }

  /** What a response does to a cookie. */
  public enum CookieAction {
    /** The cookie is given a value. */
    SET,
    /** The cookie is deleted (Werkzeug's empty value, expired at the epoch). */
    DELETE,
    /** No {@code Set-Cookie} of that name. */
    NONE
  }

  /** Replays every step, collecting all mismatches before failing. */
  public static void replay(HttpFlow flow, String baseUrl) {
    replay(flow, baseUrl, step -> { });
  }

  /**
   * Replays every step, calling {@code beforeEachStep} first: for a server whose clock the test sets
   * in-process rather than through {@value #CLOCK_HEADER}.
   */
  public static void replay(HttpFlow flow, String baseUrl, Consumer<HttpFlow.Step> beforeEachStep) {
    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < flow.steps().size(); i++) {
      HttpFlow.Step step = flow.steps().get(i);
      beforeEachStep.accept(step);
      String where = flow.name() + " step " + i + " (" + step.method() + " " + abbreviate(step.path()) + ")";
      Response response = send(baseUrl, step);

      assertAnswer(softly, where, step, response);
      softly.assertThat(response.all("Set-Cookie")).as(where + " Set-Cookie")
          .containsExactlyElementsOf(step.setCookies());
    }
    softly.assertAll();
  }

  /**
   * Replays every step on a server whose session cookie is not Flask's byte for byte (encrypted, or split
   * over several cookies): status, body or {@code Location}, {@code Vary: Cookie} and the session cookie's
   * {@link CookieAction} must match Flask's. Where a request carries a session cookie Flask set earlier in
   * the flow, it carries the cookies the server set at that step instead. Only for flows that
   * {@link #carryOnlyTheirOwnCookies}.
   */
  public static void replayActions(HttpFlow flow, String baseUrl) {
    String name = cookieName(flow);
    Map<String, String> serversCookies = new HashMap<>(); // Flask's value -> the server's name=value pairs
    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < flow.steps().size(); i++) {
      HttpFlow.Step step = flow.steps().get(i);
      String where = flow.name() + " step " + i + " (" + step.method() + " " + abbreviate(step.path()) + ")";
      List<List<String>> headers = step.headers().stream()
          .map(header -> !header.get(0).equalsIgnoreCase("Cookie") ? header
              : List.of(header.get(0), translated(header.get(1), name, serversCookies)))
          .toList();
      Response response = send(baseUrl, new HttpFlow.Step(step.now(), step.method(), step.path(), headers,
          step.status(), step.body(), step.responseHeaders(), step.setCookies(), step.vary(), step.warnings()));

      assertAnswer(softly, where, step, response);
      softly.assertThat(cookieAction(response.all("Set-Cookie"), name)).as(where + " cookie action")
          .isEqualTo(cookieAction(step.setCookies(), name));
      String flasks = cookieValue(step.setCookies(), name);
      if (flasks != null && !flasks.isEmpty()) {
        serversCookies.put(flasks, response.all("Set-Cookie").stream().map(header -> header.split(";", 2)[0])
            .filter(pair -> pair.startsWith(name + "=") || pair.startsWith(name + "."))
            .filter(pair -> !pair.endsWith("=")).collect(Collectors.joining("; ")));
      }
    }
    softly.assertAll();
  }

  /**
   * Whether every session cookie the flow's requests carry was set by an earlier response of the flow, so
   * that {@link #replayActions} can send the server's own instead. A cookie from outside the flow (tampered,
   * signed by another key, hand-made) is in Flask's format, which another format refuses by design.
   */
  public static boolean carryOnlyTheirOwnCookies(HttpFlow flow) {
    String name = cookieName(flow);
    Set<String> set = new HashSet<>();
    for (HttpFlow.Step step : flow.steps()) {
      for (List<String> header : step.headers()) {
        if (header.get(0).equalsIgnoreCase("Cookie")) {
          for (String pair : header.get(1).split(";")) {
            String trimmed = pair.trim();
            if (trimmed.startsWith(name + "=") && !set.contains(trimmed.substring(name.length() + 1))) {
              return false;
            }
          }
        }
      }
      set.add(cookieValue(step.setCookies(), name));
    }
    return true;
  }

  /** What these {@code Set-Cookie} headers do to the cookie of this name. */
  public static CookieAction cookieAction(List<String> setCookies, String name) {
    String value = cookieValue(setCookies, name);
    return value == null ? CookieAction.NONE : value.isEmpty() ? CookieAction.DELETE : CookieAction.SET;
  }

  /** The value the first {@code Set-Cookie} of this name gives, or null. */
  private static String cookieValue(List<String> setCookies, String name) {
    for (String header : setCookies) {
      String pair = header.split(";", 2)[0];
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** A {@code Cookie} header with the session cookies Flask set replaced by the server's for them. */
  private static String translated(String cookieHeader, String name, Map<String, String> serversCookies) {
    return Arrays.stream(cookieHeader.split(";")).map(String::trim).map(pair -> pair.startsWith(name + "=")
        ? serversCookies.getOrDefault(pair.substring(name.length() + 1), pair) : pair)
        .collect(Collectors.joining("; "));
  }

  private static String cookieName(HttpFlow flow) {
    return flow.config().get("SESSION_COOKIE_NAME") instanceof String name ? name : "session";
  }

  /** Status, body (Location for a redirect) and Vary: Cookie, as Flask answered. */
  private static void assertAnswer(SoftAssertions softly, String where, HttpFlow.Step step, Response response) {
    softly.assertThat(response.status()).as(where + " status").isEqualTo(step.status());
    if (step.status() / 100 == 3) {
      softly.assertThat(response.all("Location")).as(where + " Location")
          .containsExactly(step.responseHeaders().get("Location"));
    } else {
      softly.assertThat(response.body()).as(where + " body").isEqualTo(step.body());
    }
    softly.assertThat(variesOnCookie(response)).as(where + " Vary: Cookie")
        .isEqualTo("Cookie".equals(step.vary()));
  }

  /** Sends one step's request as recorded, plus {@value #CLOCK_HEADER}. */
  public static Response send(String baseUrl, HttpFlow.Step step) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(baseUrl + step.path()).toURL().openConnection();
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      connection.setRequestMethod(step.method());
      connection.setRequestProperty(CLOCK_HEADER, Long.toString(step.now()));
      for (List<String> header : step.headers()) {
        connection.addRequestProperty(header.get(0), header.get(1));
      }
      int status = connection.getResponseCode();
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (int n = 1; connection.getHeaderFieldKey(n) != null; n++) {
        headers.add(Map.entry(connection.getHeaderFieldKey(n), connection.getHeaderField(n)));
      }
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (in != null) {
        in.close();
      }
      return new Response(status, List.copyOf(headers), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether any {@code Vary} header lists {@code Cookie}. */
  public static boolean variesOnCookie(Response response) {
    return response.all("Vary").stream()
        .flatMap(vary -> Arrays.stream(vary.split(",")))
        .anyMatch(name -> name.trim().equalsIgnoreCase("Cookie"));
  }

  private static String abbreviate(String path) {
    return path.length() <= 60 ? path : path.substring(0, 60) + "...";
  }
}
