package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flagon.testing.PlainJson;
import dev.flagon.testing.Subprocess;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live interop with the real Flask on this machine (python3, Flask 3.1): cookies the CLI encodes load in
 * Flask to the same session, and cookies Flask makes verify in the CLI. Skipped without Flask, except on CI
 * (the CI environment variable set), where a missing Flask is a failure.
 */
class FlaskInteropTest {
  /** A non-ASCII text key: Flask and the CLI must both take its UTF-8 bytes. */
  private static final String KEY = "flagon-interop-clé-✓";
  private static final long MAX_AGE = 2_678_400L;

  @BeforeAll
  static void flaskIsAvailable() {
    String problem = flaskProblem();
    if (problem == null) {
      return;
    }
    if (System.getenv("CI") != null) {
      fail("CI is set, so the live Flask test must run, but " + problem);
    }
    Assumptions.abort("live Flask test skipped: " + problem);
  }

  /** Sessions covering Flask's tags, numbers, escapes, compression: the vectors Flask would emit. */
  private static List<String> sessions() {
    List<String> sessions = new ArrayList<>();
    for (Vectors.DumpCase c : Vectors.dumps()) {
      if (c.flaskEmits()) {
        sessions.add(c.taggedJson());
      }
    }
    return sessions;
  }

  @Test
  void cliEncodedCookies_loadInFlaskAsTheSameSession() throws Exception {
    List<String> sessions = sessions();
    List<String> cookies = new ArrayList<>();
    for (String session : sessions) {
      Cli.Result result = flagon("encode", "--secret-env", "K", "--json", session).env("K", KEY).run();
      assertThat(result.exit()).as(result.err()).isZero();
      cookies.add(result.line());
    }

    List<?> loaded = (List<?>) flask(List.of(), cookies).get("loaded");

    for (int i = 0; i < sessions.size(); i++) {
      assertThat(loaded.get(i)).as(sessions.get(i))
          .isEqualTo(Map.of("ok", true, "tagged_json", sessions.get(i)));
    }
  }

  @Test
  void flaskMadeCookies_verifyInTheCliAsTheSameSession() throws Exception {
    List<String> sessions = sessions();

    List<?> cookies = (List<?>) flask(sessions, List.of()).get("dumped");

    for (int i = 0; i < sessions.size(); i++) {
      Cli.Result result = flagon("verify", "--format", "json", "--secret-env", "K", (String) cookies.get(i))
          .env("K", KEY).run();
      assertThat(result.exit()).as(result.out() + result.err()).isZero();
      assertThat(PlainJson.map(PlainJson.parse(result.line()))).containsEntry("tagged_json", sessions.get(i));
    }
  }

  @Test
  void flaskMadeCookie_withAnotherKey_isRejectedByTheCli() throws Exception {
    String cookie = (String) ((List<?>) flask(List.of("{\"user_id\":1}"), List.of()).get("dumped")).get(0);

    Cli.Result result = flagon("verify", "--format", "json", "--secret-hex", "00", cookie).run();

    assertThat(result.exit()).isEqualTo(1);
    assertThat(PlainJson.map(PlainJson.parse(result.line()))).containsEntry("error", "BadTimeSignature");
  }

  /** One round trip to flask_peer.py: Flask dumps the sessions and loads the cookies. */
  private static Map<String, Object> flask(List<String> dump, List<String> load) throws Exception {
    String out = Subprocess.run("flask_peer.py", new ProcessBuilder("python3", script().toString()),
        request(dump, load), Duration.ofSeconds(60)).orFail().out();
    return PlainJson.map(PlainJson.parse(out));
  }

  private static String request(List<String> dump, List<String> load) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("secret_key", KEY);
      json.writeNumberField("max_age", MAX_AGE);
      json.writeArrayFieldStart("dump");
      for (String session : dump) {
        json.writeString(session);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("load");
      for (String cookie : load) {
        json.writeString(cookie);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return text.toString();
  }

  private static Path script() throws URISyntaxException {
    return Path.of(FlaskInteropTest.class.getResource("flask_peer.py").toURI());
  }

  /** Why the live test cannot run here, or null if it can. */
  private static String flaskProblem() {
    try {
      Subprocess.Result check = Subprocess.run("python3", new ProcessBuilder("python3", "-c",
          "import flask, itsdangerous").redirectErrorStream(true), "", Duration.ofSeconds(60));
      if (!check.finished()) {
        return "python3 did not answer within 60 s";
      }
      String[] lines = check.out().strip().split("\n");
      return check.exit() == 0 ? null : "python3 cannot import Flask (" + lines[lines.length - 1] + ")";
    } catch (IOException e) {
      return "python3 is not installed (" + e.getMessage() + ")";
    }
  }
}
