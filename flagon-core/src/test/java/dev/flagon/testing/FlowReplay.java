package dev.flagon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;

/**
 * Replays an {@link HttpFlow} against a server running Flask's route catalog (spec section 1.6) on a real
 * socket, and checks what every integration must match: status, body (the {@code Location} for
 * redirects, whose bodies are informational), every {@code Set-Cookie} value byte for byte and in order,
 * and whether {@code Vary} lists {@code Cookie}. Each request carries the step's frozen clock in
 * {@value #CLOCK_HEADER} (seconds since the epoch), which the server under test must use as "now".
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

      softly.assertThat(response.status()).as(where + " status").isEqualTo(step.status());
      if (step.status() / 100 == 3) {
        softly.assertThat(response.all("Location")).as(where + " Location")
            .containsExactly(step.responseHeaders().get("Location"));
      } else {
        softly.assertThat(response.body()).as(where + " body").isEqualTo(step.body());
      }
      softly.assertThat(response.all("Set-Cookie")).as(where + " Set-Cookie")
          .containsExactlyElementsOf(step.setCookies());
      softly.assertThat(variesOnCookie(response)).as(where + " Vary: Cookie")
          .isEqualTo("Cookie".equals(step.vary()));
    }
    softly.assertAll();
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
