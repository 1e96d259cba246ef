package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.testing.CookieJar;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The revocation hook: "log out everywhere" with a per-user generation number and no session store. */
class SessionValidatorTest {
  private static final long NOW = 1_700_000_000L;
  private final Map<Integer, Integer> generations = new HashMap<>(Map.of(7, 1));

  private Flagon flagon(SessionValidator validator, RecordingLogger log) {
    return new Flagon(FlagonConfig.builder().secretKey("validator-test-key-00000001")
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).sessionValidator(validator).build(), log);
  }

  private final SessionValidator byGeneration = (data, signedAt) -> {
    Object id = data.get("user_id");
    return id == null || Objects.equals(data.get("gen"), generations.get(id));
  };

  private static String login(Flagon flagon, int generation) {
    Session session = flagon.open();
    session.put("user_id", 7);
    session.put("gen", generation);
    return "session=" + CookieJar.valueOf(flagon.save(session).setCookieHeaders().get(0));
  }

  @Test
  void validator_currentGeneration_keepsTheSession() {
    Flagon flagon = flagon(byGeneration, new RecordingLogger());
    assertThat(flagon.open(login(flagon, 1)).get("user_id")).isEqualTo(7);
  }

  @Test
  void validator_afterLogOutEverywhere_givesAFreshSessionAndLogsAtDebug() {
    RecordingLogger log = new RecordingLogger();
    Flagon flagon = flagon(byGeneration, log);
    String stolen = login(flagon, 1);
    generations.put(7, 2); // "log out everywhere"
    Session session = flagon.open(stolen);
    assertThat(session.toMap()).isEmpty();
    assertThat(session.isModified()).isFalse();
    assertThat(log.lines).singleElement().asString().startsWith("DEBUG").contains("revoked")
        .doesNotContain(stolen.substring(8));
  }

  @Test
  void validator_receivesTheDataUnmodifiableAndTheSigningTime() {
    AtomicReference<Instant> seen = new AtomicReference<>();
    Flagon flagon = flagon((data, signedAt) -> {
      seen.set(signedAt);
      assertThatThrownBy(() -> data.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
      return true;
    }, new RecordingLogger());
    flagon.open(login(flagon, 1));
    assertThat(seen.get()).isEqualTo(Instant.ofEpochSecond(NOW));
  }

  @Test
  void validator_notCalledForMissingOrForgedCookies() {
    Flagon flagon = flagon((data, signedAt) -> {
      throw new AssertionError("called");
    }, new RecordingLogger());
    assertThat(flagon.open().toMap()).isEmpty();
    assertThat(flagon.open("session=eyJ1c2VyX2lkIjo3fQ.ZVPxAA.forged").toMap()).isEmpty();
  }
}
