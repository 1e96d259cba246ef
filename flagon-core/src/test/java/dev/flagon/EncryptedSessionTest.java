package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.codec.JweForge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** SESSION_FORMAT=encrypted and encrypted-migrate through Flagon.open and Flagon.save. */
class EncryptedSessionTest {
  private static final String SECRET = "encrypted-session-test-key-0001";
  private static final long NOW = 1_700_000_000L;
  // Flask 3.1 with SECRET_KEY "http-public-secret", {"user_id": 12345} at NOW.
  private static final String FLASK_COOKIE = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A";

  private static FlagonConfig.Builder config(SessionFormat format) {
    return FlagonConfig.builder().secretKey(SECRET).sessionFormat(format)
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
  }

  private static String save(Flagon flagon, String key, Object value) {
    Session session = flagon.open();
    session.put(key, value);
    return flagon.save(session).setCookieHeaders().get(0);
  }

  @Test
  void encrypted_savedCookie_isCompactJweThatHidesTheSession() {
    String header = save(Flagon.create(config(SessionFormat.ENCRYPTED).build()), "user_id", 12345);
    String value = CookieJar.valueOf(header);
    assertThat(value.split("\\.", -1)).hasSize(5);
    assertThat(header).startsWith("session=eyJ").endsWith("; HttpOnly; Path=/");
    String headerJson = new String(Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))));
    assertThat(headerJson).contains("\"iat\":" + NOW, "\"exp\":" + (NOW + Duration.ofDays(31).toSeconds()),
        "\"kid\":\"" + JweForge.forSecret(SECRET, "session").kid() + "\"");
    assertThat(value).doesNotContain("eyJ1c2VyX2lkIjoxMjM0NX0"); // Flask's readable payload
  }

  @Test
  void encrypted_roundTrip_opensWhatItSaved() {
    Flagon flagon = Flagon.create(config(SessionFormat.ENCRYPTED).build());
    String value = CookieJar.valueOf(save(flagon, "cart", java.util.List.of(1, 2, 3)));
    Session opened = flagon.open("session=" + value);
    assertThat(opened.get("cart")).isEqualTo(java.util.List.of(1, 2, 3));
    assertThat(opened.isModified()).isFalse();
  }

  @Test
  void encrypted_flaskSignedCookie_isAFreshSession() {
    Flagon flagon = Flagon.create(config(SessionFormat.ENCRYPTED).secretKey("http-public-secret").build());
    assertThat(flagon.open("session=" + FLASK_COOKIE).toMap()).isEmpty();
  }

  @Test
  void encrypted_cookieOfAnotherCookieName_isAFreshSession() {
    String value = CookieJar.valueOf(save(Flagon.create(config(SessionFormat.ENCRYPTED).cookieName("other")
        .build()), "user_id", 1));
    assertThat(Flagon.create(config(SessionFormat.ENCRYPTED).build()).open("session=" + value).toMap()).isEmpty();
  }

  @Test
  void encrypted_expiredCookie_isAFreshSession() {
    String value = CookieJar.valueOf(save(Flagon.create(config(SessionFormat.ENCRYPTED).build()), "a", 1));
    Flagon later = Flagon.create(config(SessionFormat.ENCRYPTED).clock(Clock.fixed(
        Instant.ofEpochSecond(NOW + Duration.ofDays(31).toSeconds() + 1), ZoneOffset.UTC)).build());
    assertThat(later.open("session=" + value).toMap()).isEmpty();
  }

  @Test
  void encrypted_compressed_isSmallerForRepetitiveSessions() {
    String big = "item-".repeat(300);
    String plain = save(Flagon.create(config(SessionFormat.ENCRYPTED).build()), "cart", big);
    Flagon zipped = Flagon.create(config(SessionFormat.ENCRYPTED).encryptionCompression(true).build());
    String compressed = save(zipped, "cart", big);
    assertThat(compressed.length()).isLessThan(plain.length() / 4);
    assertThat(zipped.open("session=" + CookieJar.valueOf(compressed)).get("cart")).isEqualTo(big);
  }

  @Test
  void migrate_flaskSignedCookie_isReadAndReissuedEncrypted() {
    Flagon flagon = Flagon.create(config(SessionFormat.ENCRYPTED_MIGRATE).secretKey("http-public-secret").build());
    Session session = flagon.open("session=" + FLASK_COOKIE);
    assertThat(session.isModified()).isTrue();
    CookieUpdate update = flagon.save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.SET);
    String value = CookieJar.valueOf(update.setCookieHeaders().get(0));
    assertThat(value.split("\\.", -1)).hasSize(5);

    Session reopened = flagon.open("session=" + value);
    assertThat(reopened.get("user_id")).isEqualTo(12345);
    assertThat(reopened.isModified()).as("an encrypted cookie is not re-issued").isFalse();
    Flagon encryptedOnly = Flagon.create(config(SessionFormat.ENCRYPTED).secretKey("http-public-secret").build());
    assertThat(encryptedOnly.open("session=" + value).get("user_id")).isEqualTo(12345);
  }

  @Test
  void migrate_tamperedSignedCookie_isAFreshUnmodifiedSession() {
    Flagon flagon = Flagon.create(config(SessionFormat.ENCRYPTED_MIGRATE).secretKey("http-public-secret").build());
    Session session = flagon.open("session=" + FLASK_COOKIE.replace("8dw", "9dw"));
    assertThat(session.isModified()).isFalse();
    assertThat(flagon.save(session).action()).isEqualTo(CookieUpdate.Action.NONE);
  }
}
