package dev.flagon;

import static dev.flagon.testing.PlainJson.list;
import static dev.flagon.testing.PlainJson.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.json.NvValues;
import dev.flagon.testing.FlaskVectors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cookie-level Flask vectors ({@code vectors/vectors.json}) through Flagon's session API: load cases
 * with {@link Flagon#openCookieValue}, dump cases with {@link Session#put} and {@link Flagon#save}.
 */
class CookieVectorsTest {
  private static final List<Map<String, Object>> CASES = FlaskVectors.cases();

  static Stream<Arguments> loadCases() {
    return CASES.stream().filter(c -> "load".equals(c.get("kind"))).map(c -> Arguments.of(c.get("name"), c));
  }

  static Stream<Arguments> dumpCases() {
    return CASES.stream().filter(c -> "dump".equals(c.get("kind"))).map(c -> Arguments.of(c.get("name"), c));
  }

  /** A Flagon with the case's keys and signing, its clock at {@code now} and a lifetime of {@code maxAge}. */
  private static Flagon flagon(Map<String, Object> c, long now, long maxAge) {
    List<Secret> fallbacks = new ArrayList<>();
    if (c.get("fallback_keys") != null) {
      list(c.get("fallback_keys")).forEach(k -> fallbacks.add(key(k)));
    }
    return Flagon.create(FlagonConfig.builder()
        .secretKey(key(c.get("secret_key")))
        .secretKeyFallbacks(fallbacks)
        .allowWeakSecretKey() // Flask's vectors use keys such as "current-key"
        .signing(Signing.of((String) c.get("salt"), Digest.fromName((String) c.get("digest")),
            KeyDerivation.fromName((String) c.get("key_derivation"))))
        .permanentSessionLifetime(Duration.ofSeconds(maxAge))
        .maxCookieSize(0)
        .clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC))
        .build());
  }

  private static Secret key(Object nv) {
    return nv instanceof String text ? Secret.fromText(text)
        : Secret.fromBytes(Base64.getDecoder().decode((String) map(nv).get("base64")));
  }

  private static long number(Map<String, Object> c, String field) {
    return ((Number) c.get(field)).longValue();
  }

  @Test
  void vectors_haveLoadAndDumpCases() {
    assertThat(loadCases()).hasSizeGreaterThanOrEqualTo(29);
    assertThat(dumpCases()).hasSizeGreaterThanOrEqualTo(31);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loadCases")
  void openCookieValue_loadCase_givesFlasksSession(String name, Map<String, Object> c) {
    Flagon flagon = flagon(c, number(c, "now"), number(c, "max_age"));
    Map<String, Object> flask = map(map(c.get("expected")).get("flask"));
    String cookie = (String) c.get("cookie");
    if (flask.get("raises") != null) {
      assertThatThrownBy(() -> flagon.openCookieValue(cookie)).isInstanceOf(BadPayloadException.class)
          .hasMessageNotContaining(cookie);
      return;
    }
    Session session = flagon.openCookieValue(cookie);
    if (Boolean.TRUE.equals(c.get("python_quirk"))) {
      // Python's lenient base64 accepts these signatures; Flagon's codec does not (spec 3.6 allows it), so
      // the cookie is rejected like any bad signature: a fresh session.
      assertThat(session.data()).as("Flagon rejects the quirk").isEmpty();
      return;
    }
    Object expected = Boolean.TRUE.equals(flask.get("fresh")) ? Map.of() : NvValues.fromNv(flask.get("session"));
    assertThat(NvValues.structurallyEqual(expected, session.data()))
        .as("expected %s, got %s", NvValues.describe(expected), NvValues.describe(session.data())).isTrue();
    assertThat(session.isAccessed()).isFalse();
    assertThat(session.isModified()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dumpCases")
  void save_dumpCase_setsFlasksCookieWhichLoadsBack(String name, Map<String, Object> c) {
    long timestamp = number(c, "timestamp");
    Flagon flagon = flagon(c, timestamp, 2_678_400);
    Session session = flagon.openCookieValue(null);
    Map<?, ?> data = (Map<?, ?>) NvValues.fromNv(c.get("session"));
    data.forEach((k, v) -> session.put((String) k, v));
    CookieUpdate update = flagon.save(session);
    if (!Boolean.TRUE.equals(c.get("flask_emits"))) {
      assertThat(update.action()).isEqualTo(CookieUpdate.Action.NONE);
      return;
    }
    assertThat(update.setCookieHeaders()).hasSize(1);
    String header = update.setCookieHeaders().get(0);
    assertThat(header.substring("session=".length(), header.indexOf(';'))).isEqualTo(c.get("cookie"));
    Session loaded = flagon.openCookieValue((String) c.get("cookie"));
    Object decoded = NvValues.fromNv(c.get("decoded"));
    assertThat(NvValues.structurallyEqual(decoded, loaded.data()))
        .as("expected %s, got %s", NvValues.describe(decoded), NvValues.describe(loaded.data())).isTrue();
  }

  /** Spec 8: flash() writes exactly what Flask writes, and Flask's flashes read back as FlashMessages. */
  @Test
  void flash_twice_writesTheDumpFlashesCookieAndReadsItBack() {
    Map<String, Object> c = CASES.stream().filter(x -> "dump_flashes".equals(x.get("name"))).findFirst()
        .orElseThrow();
    Flagon flagon = flagon(c, number(c, "timestamp"), 2_678_400);
    Session session = flagon.openCookieValue(null);
    session.flash("Hello");
    session.flash("Bad things happened", "error");
    assertThat(flagon.config().taggedJson().dumps(session.data())).isEqualTo(c.get("tagged_json"));
    String header = flagon.save(session).setCookieHeaders().get(0);
    assertThat(header).isEqualTo("session=" + c.get("cookie") + "; HttpOnly; Path=/");

    Session next = flagon.openCookieValue((String) c.get("cookie"));
    assertThat(next.flashedMessages(false, "error")).containsExactly("Bad things happened");
    assertThat(next.flashes()).containsExactly(
        new FlashMessage("message", "Hello"), new FlashMessage("error", "Bad things happened"));
    CookieUpdate update = flagon.save(next);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.DELETE);
  }
}
