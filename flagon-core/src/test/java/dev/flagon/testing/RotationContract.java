package dev.flagon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.codec.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key rotation, run on each cookie format by a subclass that names it (core's RotationTest, flagon-encrypted's
 * EncryptedRotationTest): sign with the new key, verify with fallbacks, re-issue fallback-key cookies when
 * asked (SESSION_REISSUE_ON_FALLBACK), retire the old key, and the fleet procedure of docs/security.md (add
 * the new key as a fallback everywhere, then promote it). The tests are public so that subclasses in other
 * packages run them.
 */
public abstract class RotationContract {
  private static final Secret OLD = Secret.fromText("rotation-old-key-000000000001");
  private static final Secret NEW = Secret.fromText("rotation-new-key-000000000002");
  private static final long NOW = 1_700_000_000L;

  private final String format;

  /** @param format the {@code SESSION_FORMAT} under test */
  protected RotationContract(String format) {
    this.format = format;
  }

  private static Flagon flagon(String format, Secret current, List<Secret> fallbacks, boolean reissue,
      long now) {
    return Flagon.create(FlagonConfig.builder().secretKey(current).secretKeyFallbacks(fallbacks)
        .sessionFormat(format).reissueOnFallback(reissue).permanentSessionLifetime(Duration.ofDays(1))
        .clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)).build());
  }

  private static String login(Flagon flagon) {
    Session session = flagon.open();
    session.put("user_id", 7);
    return CookieJar.valueOf(flagon.save(session).setCookieHeaders().get(0));
  }

  @Test
  public void rotated_newCookiesUseTheNewKey_oldOnesStillOpenWithTheFallback() {
    String oldCookie = login(flagon(format, OLD, List.of(), false, NOW));
    Flagon rotated = flagon(format, NEW, List.of(OLD), false, NOW);
    String newCookie = login(rotated);

    assertThat(rotated.open("session=" + oldCookie).get("user_id")).isEqualTo(7);
    assertThat(flagon(format, NEW, List.of(), false, NOW).open("session=" + newCookie).get("user_id"))
        .as("signed with the new key alone").isEqualTo(7);
    assertThat(flagon(format, OLD, List.of(), false, NOW).open("session=" + newCookie).toMap())
        .as("not with the old one").isEmpty();
  }

  @Test
  public void fallbackCookie_byDefault_isNotReissued() {
    String oldCookie = login(flagon(format, OLD, List.of(), false, NOW));
    Flagon rotated = flagon(format, NEW, List.of(OLD), false, NOW);
    Session session = rotated.open("session=" + oldCookie);
    assertThat(session.isModified()).isFalse();
    assertThat(rotated.save(session).action()).isEqualTo(CookieUpdate.Action.NONE);
  }

  @Test
  public void fallbackCookie_withReissue_isReissuedUnderTheNewKey_andSurvivesRetirement() {
    String oldCookie = login(flagon(format, OLD, List.of(), false, NOW));
    Flagon rotated = flagon(format, NEW, List.of(OLD), true, NOW + 60);
    Session session = rotated.open("session=" + oldCookie);
    assertThat(session.isModified()).isTrue();
    CookieUpdate update = rotated.save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.SET);
    String reissued = CookieJar.valueOf(update.setCookieHeaders().get(0));

    Session current = rotated.open("session=" + reissued);
    assertThat(current.isModified()).as("a current-key cookie is not re-issued").isFalse();

    Flagon retired = flagon(format, NEW, List.of(), true, NOW + 120);
    assertThat(retired.open("session=" + reissued).get("user_id")).isEqualTo(7);
    assertThat(retired.open("session=" + oldCookie).toMap()).as("never re-issued: gone with the old key").isEmpty();
  }

  @Test
  public void retirement_afterOneLifetime_noOldKeyCookieIsStillValidAnyway() {
    String oldCookie = login(flagon(format, OLD, List.of(), false, NOW));
    long oneLifetimeLater = NOW + Duration.ofDays(1).toSeconds() + 1;
    assertThat(flagon(format, NEW, List.of(OLD), false, oneLifetimeLater).open("session=" + oldCookie).toMap())
        .as("expired even with the fallback: removing it loses nothing").isEmpty();
  }

  @Test
  public void fleet_newKeyAddedAsFallbackFirst_thenPromoted_nobodyIsLoggedOut() {
    // Step 1: every server learns the new key as a fallback; they still sign with the old one.
    Flagon stepOne = flagon(format, OLD, List.of(NEW), false, NOW);
    String fromStepOne = login(stepOne);
    // Step 2, rolling: a promoted server and a not-yet-promoted one serve the same users.
    Flagon promoted = flagon(format, NEW, List.of(OLD), false, NOW);
    String fromPromoted = login(promoted);
    assertThat(stepOne.open("session=" + fromPromoted).get("user_id")).isEqualTo(7);
    assertThat(promoted.open("session=" + fromStepOne).get("user_id")).isEqualTo(7);
    // Promoting without step 1 would log out users bounced to a server that does not know the new key.
    assertThat(flagon(format, OLD, List.of(), false, NOW).open("session=" + fromPromoted).toMap()).isEmpty();
  }
}
