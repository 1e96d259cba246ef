package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SameSite;
import dev.flagon.Session;
import dev.flagon.SizePolicy;
import dev.flagon.testing.CookieJar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SESSION_FORMAT=encrypted and encrypted-migrate through Flagon.open and Flagon.save. */
class EncryptedSessionTest {
  private static final String SECRET = "encrypted-session-test-key-0001";
  private static final long NOW = 1_700_000_000L;
  // Flask 3.1 with SECRET_KEY "http-public-secret", {"user_id": 12345} at NOW.
  private static final String FLASK_COOKIE = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A";

  private static FlagonConfig.Builder config(String format) {
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
    String header = save(Flagon.create(config(EncryptedFormats.ENCRYPTED).build()), "user_id", 12345);
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
    Flagon flagon = Flagon.create(config(EncryptedFormats.ENCRYPTED).build());
    String value = CookieJar.valueOf(save(flagon, "cart", List.of(1, 2, 3)));
    Session opened = flagon.open("session=" + value);
    assertThat(opened.get("cart")).isEqualTo(List.of(1, 2, 3));
    assertThat(opened.isModified()).isFalse();
  }

  @Test
  void encrypted_flaskSignedCookie_isAFreshSession() {
    Flagon flagon = Flagon.create(config(EncryptedFormats.ENCRYPTED).secretKey("http-public-secret").build());
    assertThat(flagon.open("session=" + FLASK_COOKIE).toMap()).isEmpty();
  }

  @Test
  void encrypted_cookieOfAnotherCookieName_isAFreshSession() {
    String value = CookieJar.valueOf(save(Flagon.create(config(EncryptedFormats.ENCRYPTED).cookieName("other")
        .build()), "user_id", 1));
    assertThat(Flagon.create(config(EncryptedFormats.ENCRYPTED).build()).open("session=" + value).toMap()).isEmpty();
  }

  @Test
  void encrypted_expiredCookie_isAFreshSession() {
    String value = CookieJar.valueOf(save(Flagon.create(config(EncryptedFormats.ENCRYPTED).build()), "a", 1));
    Flagon later = Flagon.create(config(EncryptedFormats.ENCRYPTED).clock(Clock.fixed(
        Instant.ofEpochSecond(NOW + Duration.ofDays(31).toSeconds() + 1), ZoneOffset.UTC)).build());
    assertThat(later.open("session=" + value).toMap()).isEmpty();
  }

  @Test
  void encrypted_compressed_isSmallerForRepetitiveSessions() {
    String big = "item-".repeat(300);
    String plain = save(Flagon.create(config(EncryptedFormats.ENCRYPTED).build()), "cart", big);
    Flagon zipped = Flagon.create(config(EncryptedFormats.ENCRYPTED)
        .set(EncryptedFormats.SESSION_ENCRYPTION_COMPRESS, true).build());
    String compressed = save(zipped, "cart", big);
    assertThat(compressed.length()).isLessThan(plain.length() / 4);
    assertThat(zipped.open("session=" + CookieJar.valueOf(compressed)).get("cart")).isEqualTo(big);
  }

  @Test
  void migrate_flaskSignedCookie_isReadAndReissuedEncrypted() {
    Flagon flagon = Flagon.create(config(EncryptedFormats.ENCRYPTED_MIGRATE).secretKey("http-public-secret").build());
    Session session = flagon.open("session=" + FLASK_COOKIE);
    assertThat(session.isModified()).isTrue();
    CookieUpdate update = flagon.save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.SET);
    String value = CookieJar.valueOf(update.setCookieHeaders().get(0));
    assertThat(value.split("\\.", -1)).hasSize(5);

    Session reopened = flagon.open("session=" + value);
    assertThat(reopened.get("user_id")).isEqualTo(12345);
    assertThat(reopened.isModified()).as("an encrypted cookie is not re-issued").isFalse();
    Flagon encryptedOnly = Flagon.create(config(EncryptedFormats.ENCRYPTED).secretKey("http-public-secret").build());
    assertThat(encryptedOnly.open("session=" + value).get("user_id")).isEqualTo(12345);
  }

  @Test
  void migrate_tamperedSignedCookie_isAFreshUnmodifiedSession() {
    Flagon flagon = Flagon.create(config(EncryptedFormats.ENCRYPTED_MIGRATE).secretKey("http-public-secret").build());
    Session session = flagon.open("session=" + FLASK_COOKIE.replace("8dw", "9dw"));
    assertThat(session.isModified()).isFalse();
    assertThat(flagon.save(session).action()).isEqualTo(CookieUpdate.Action.NONE);
  }

  @Test
  void split_largeEncryptedSession_isCarriedByChunksEachWithinTheLimitAndTheSameAttributes() {
    Flagon flagon = Flagon.create(config(EncryptedFormats.ENCRYPTED).sizePolicy(SizePolicy.SPLIT)
        .cookieDomain("example.com").cookieSecure(true).cookieSameSite(SameSite.LAX).build());
    CookieJar jar = new CookieJar();
    String data = noise(9000);
    Session session = flagon.open(jar.header());
    session.put("data", data);
    session.setPermanent(true);
    CookieUpdate update = flagon.save(session);
    jar.apply(update);
    List<String> headers = update.setCookieHeaders();

    assertThat(headers).hasSize(4); // a JWE is base64 of the JSON: one chunk more than signed (SplitCookiesTest)
    assertThat(headers.get(0)).startsWith("session=" + headers.size() + "~");
    String attributes = headers.get(0).substring(headers.get(0).indexOf(';'));
    assertThat(attributes).startsWith("; Domain=example.com; Expires=")
        .endsWith("; Secure; HttpOnly; Path=/; SameSite=Lax");
    for (String header : headers) {
      assertThat(header.length()).isLessThanOrEqualTo(4093);
      assertThat(header.substring(header.indexOf(';'))).isEqualTo(attributes);
    }
    assertThat(flagon.open(jar.header()).get("data")).isEqualTo(data);
  }

  /** Random base64url text: neither zlib nor JSON makes it shorter. */
  private static String noise(int length) {
    Random random = new Random(1);
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      out.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(64)));
    }
    return out.toString();
  }
}
