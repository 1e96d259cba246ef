package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.json.TaggedJson;
import dev.flagon.testing.PlainJson;
import dev.flagon.testing.Subprocess;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live interop with the real Flask on this machine over generated sessions: every tag type, text beyond
 * the BMP, big integers, floats, nesting, compressed and plain payloads, every digest and key
 * derivation, fallback keys. Flagon's cookie is byte-identical to Flask's for the same session, keys and
 * time; Flask loads Flagon's cookies to the same session; Flagon loads Flask's cookies, including ones
 * signed with a fallback key. Fails, never skips, when CI is set and Flask is missing.
 */
class FlaskSessionInteropTest {
  private static final int SESSIONS = 150;
  private static final long MAX_AGE = 3600;
  private static final String[] SALTS = {"cookie-session", "flagon-interop-salt"};
  private static final JsonFactory JSON = new JsonFactory();

  private static long seed;

  @BeforeAll
  static void pythonAndFlaskAreAvailable() {
    seed = System.nanoTime();
    try {
      if (Subprocess.run("python3", new ProcessBuilder("python3", "-c", "import flask, itsdangerous"), "",
          Duration.ofSeconds(60)).succeeded()) {
        return;
      }
    } catch (IOException e) {
      // handled below
    }
    if (System.getenv("CI") != null) {
      fail("CI is set, so the live Flask interop test must run, but python3 with Flask is missing");
    }
    Assumptions.abort("python3 with Flask is not available; the live interop test needs it");
  }

  @Test
  void generatedSessions_flagonAndFlask_writeTheSameCookiesAndReadEachOthers() {
    Random random = new Random(seed);
    SessionGenerator generator = new SessionGenerator(random);
    List<Case> cases = new ArrayList<>();
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      Case c = new Case(random, generator.session());
      cases.add(c);
      requests.add(c.flaskDumpRequest());
      requests.add(c.flaskLoadRequest());
    }
    List<Map<String, Object>> answers = askFlask(requests);

    int compressed = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Map<String, Object> dumped = answers.get(2 * i);
      Map<String, Object> loaded = answers.get(2 * i + 1);
      String context = c.describe();
      assertThat(dumped).as("Flask dump, %s", context).containsEntry("ok", true);
      assertThat(loaded).as("Flask load of Flagon's cookie, %s", context).containsEntry("ok", true);
      if (c.flaskSignedWith == 0) {
        assertThat(c.flagonCookie).as("Flagon's cookie = Flask's, %s", context).isEqualTo(dumped.get("cookie"));
      }
      assertThat(loaded.get("tagged_json")).as("Flask reads Flagon's cookie, %s", context)
          .isEqualTo(c.taggedJson);
      Session opened = c.flagon.openCookieValue((String) dumped.get("cookie"));
      assertThat(TaggedJson.standard().dumps(opened.toMap())).as("Flagon reads Flask's cookie, %s", context)
          .isEqualTo(c.taggedJson);
      compressed += c.flagonCookie.startsWith(".") ? 1 : 0;
    }
    assertThat(compressed).as("compressed cookies among %d (seed %d)", SESSIONS, seed)
        .isBetween(1, SESSIONS - 1);
  }

  /** One generated session under random keys and signing parameters, saved by Flagon. */
  private static final class Case {
    final Signing signing;
    final List<byte[]> keys = new ArrayList<>(); // current first, then fallbacks in configured order
    final int flaskSignedWith;
    final long timestamp;
    final Flagon flagon;
    final String taggedJson;
    final String flagonCookie;

    Case(Random random, Map<String, Object> data) {
      signing = Signing.of(SALTS[random.nextInt(SALTS.length)],
          Digest.values()[random.nextInt(Digest.values().length)],
          KeyDerivation.values()[random.nextInt(KeyDerivation.values().length)]);
      int count = 1 + random.nextInt(3);
      for (int k = 0; k < count; k++) {
        byte[] key = new byte[16 + random.nextInt(32)];
        random.nextBytes(key);
        keys.add(key);
      }
      flaskSignedWith = random.nextInt(count);
      timestamp = 1_600_000_000L + random.nextInt(400_000_000);
      List<Secret> fallbacks = new ArrayList<>();
      keys.subList(1, count).forEach(k -> fallbacks.add(Secret.fromBytes(k)));
      flagon = Flagon.create(FlagonConfig.builder()
          .secretKey(Secret.fromBytes(keys.get(0)))
          .secretKeyFallbacks(fallbacks)
          .signing(signing)
          .permanentSessionLifetime(Duration.ofSeconds(MAX_AGE))
          .maxCookieSize(0)
          .clock(Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC))
          .build());
      Session session = flagon.open();
      data.forEach(session::put);
      taggedJson = TaggedJson.standard().dumps(session.toMap());
      String header = flagon.save(session).setCookieHeaders().get(0);
      flagonCookie = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }

    String flaskDumpRequest() {
      return request(g -> {
        g.writeStringField("op", "dump");
        g.writeNumberField("sign_with", flaskSignedWith);
        g.writeStringField("tagged_json", taggedJson);
        g.writeNumberField("timestamp", timestamp);
      });
    }

    String flaskLoadRequest() {
      return request(g -> {
        g.writeStringField("op", "load");
        g.writeStringField("cookie", flagonCookie);
        g.writeNumberField("now", timestamp + MAX_AGE);
        g.writeNumberField("max_age", MAX_AGE);
      });
    }

    private String request(Fields fields) {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = JSON.createGenerator(out)) {
        g.writeStartObject();
        g.writeArrayFieldStart("keys");
        for (byte[] key : keys) {
          g.writeString(Base64.getEncoder().encodeToString(key));
        }
        g.writeEndArray();
        g.writeStringField("salt", signing.salt());
        g.writeStringField("digest", signing.digest().flaskName());
        g.writeStringField("key_derivation", signing.keyDerivation().flaskName());
        fields.write(g);
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    }

    String describe() {
      return "seed " + seed + ", " + signing.digest() + "/" + signing.keyDerivation() + "/" + signing.salt()
          + ", " + keys.size() + " keys, Flask signs with key " + flaskSignedWith + ", session " + taggedJson;
    }
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  /** One answer per request line, from one python3 process running the Flask oracle. */
  private static List<Map<String, Object>> askFlask(List<String> requests) {
    try (InputStream script = FlaskSessionInteropTest.class.getResourceAsStream(
        "/session/flask_session_oracle.py")) {
      String source = new String(script.readAllBytes(), StandardCharsets.UTF_8);
      Subprocess.Result flask = Subprocess.run("the Flask oracle", new ProcessBuilder("python3", "-c", source),
          String.join("\n", requests) + "\n", Duration.ofSeconds(60)).orFail();
      List<Map<String, Object>> answers = new ArrayList<>();
      flask.out().lines().forEach(line -> answers.add(PlainJson.map(PlainJson.parse(line))));
      assertThat(answers).as("answers (stderr: %s)", flask.err()).hasSize(requests.size());
      return answers;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
