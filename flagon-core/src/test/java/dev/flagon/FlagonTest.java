package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.JsonTag;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flagon.open and Flagon.save: Flask's loading and saving rules (spec 6.2, 6.4). */
class FlagonTest {
  private static final String SECRET = "http-public-secret";
  private static final long NOW = 1_700_000_000L;
  private static final String USER_COOKIE = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A";
  private static final String PERMANENT_USER_COOKIE =
      "eyJfcGVybWFuZW50Ijp0cnVlLCJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.cCPgUzIZ48MptHQRBKBnBDJUoCw";

  private static FlagonConfig.Builder config() {
    return FlagonConfig.builder().secretKey(SECRET)
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
  }

  private static Flagon flagon() {
    return Flagon.create(config().build());
  }

  /** A cookie signed with the test key around arbitrary JSON text, as only a key holder could make. */
  private static String signedPayload(String json) {
    return UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(SECRET)), Signing.flask()).dumps(json, NOW);
  }

  @Test
  void open_noCookie_isEmptyAndUntouched() {
    Session session = flagon().open(List.of());
    assertThat(session.data()).isEmpty();
    assertThat(session.isAccessed()).isFalse();
    assertThat(session.isModified()).isFalse();
  }

  @Test
  void open_nullHeaderOrEmptyValue_isEmpty() {
    assertThat(flagon().open((String) null).data()).isEmpty();
    assertThat(flagon().open((String[]) null).data()).isEmpty();
    assertThat(flagon().open("session=").data()).isEmpty();
    assertThat(flagon().openCookieValue("").data()).isEmpty();
  }

  @Test
  void open_validCookie_loadsWithoutMarkingAccess() {
    Session session = flagon().open("theme=dark; session=" + USER_COOKIE);
    assertThat(session.data()).isEqualTo(Map.of("user_id", 12345));
    assertThat(session.isAccessed()).isFalse();
  }

  @Test
  void open_tamperedOrExpiredCookie_givesFreshSession() {
    assertThat(flagon().openCookieValue(USER_COOKIE.replace("8dw", "9dw")).data())
        .isEmpty();
    Flagon later = Flagon.create(config().permanentSessionLifetime(Duration.ofSeconds(10))
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW + 11), ZoneOffset.UTC)).build());
    assertThat(later.openCookieValue(USER_COOKIE).data()).isEmpty();
  }

  @Test
  void open_maxAgeBoundary_isInclusive() {
    Flagon atLimit = Flagon.create(config().permanentSessionLifetime(Duration.ofSeconds(10, 999_000_000))
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW + 10, 999_000_000), ZoneOffset.UTC)).build());
    assertThat(atLimit.openCookieValue(USER_COOKIE).data()).containsKey("user_id");
  }

  @Test
  void openCookieValue_signedNull_isEmptySession() {
    assertThat(flagon().openCookieValue(signedPayload("null")).data()).isEmpty();
  }

  @Test
  void openCookieValue_signedNonObject_isBadPayloadNamingTheType() {
    Map<String, String> cases = Map.of("[[\"role\",\"admin\"]]", "a JSON list", "42", "a JSON number",
        "\"text\"", "a JSON string", "true", "a JSON boolean", "{\" t\":[1]}", "a tagged tuple");
    cases.forEach((json, kind) ->
        assertThatThrownBy(() -> flagon().openCookieValue(signedPayload(json))).as(json)
            .isInstanceOf(BadPayloadException.class).hasMessageContaining("not a session").hasMessageEndingWith(kind)
            .hasMessageNotContaining("admin"));
  }

  @Test
  void openCookieValue_signedInvalidJson_isBadPayloadWithoutThePayload() {
    assertThatThrownBy(() -> flagon().openCookieValue(signedPayload("{\"secret-ish\": ")))
        .isInstanceOf(BadPayloadException.class).hasMessageNotContaining("secret-ish");
  }

  @Test
  void save_untouched_sendsNothingAndNoVary() {
    CookieUpdate update = flagon().save(flagon().open("session=" + USER_COOKIE));
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.NONE);
    assertThat(update.setCookieHeaders()).isEmpty();
    assertThat(update.varyCookie()).isFalse();
  }

  @Test
  void save_readOnly_sendsNothingButVaries() {
    Session session = flagon().open("session=" + USER_COOKIE);
    session.contains("user_id");
    CookieUpdate update = flagon().save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.NONE);
    assertThat(update.varyCookie()).isTrue();
  }

  @Test
  void save_put_setsTheCookieExactlyAsFlask() {
    Session session = flagon().open();
    session.put("user_id", 12345);
    CookieUpdate update = flagon().save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.SET);
    assertThat(update.setCookieHeaders()).containsExactly("session=" + USER_COOKIE + "; HttpOnly; Path=/");
    assertThat(update.varyCookie()).isTrue();
    assertThat(update.sizeWarning()).isEmpty();
  }

  @Test
  void save_permanentWithRefresh_isResentEvenWhenUntouched() {
    Flagon flagon = Flagon.create(config().permanentSessionLifetime(Duration.ofHours(1)).build());
    Session session = flagon.open("session=" + PERMANENT_USER_COOKIE);
    CookieUpdate update = flagon.save(session);
    assertThat(session.isAccessed()).isFalse();
    assertThat(update.setCookieHeaders()).containsExactly(
        "session=" + PERMANENT_USER_COOKIE + "; Expires=Tue, 14 Nov 2023 23:13:20 GMT; HttpOnly; Path=/");
    assertThat(update.varyCookie()).isTrue();
  }

  @Test
  void save_permanentWithoutRefresh_untouched_sendsNothing() {
    Flagon flagon = Flagon.create(config().refreshEachRequest(false).build());
    assertThat(flagon.save(flagon.open("session=" + PERMANENT_USER_COOKIE)).action())
        .isEqualTo(CookieUpdate.Action.NONE);
  }

  @Test
  void save_popMissingKey_sendsNothingButVaries() {
    Session session = flagon().open("session=" + USER_COOKIE);
    session.pop("absent", null);
    CookieUpdate update = flagon().save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.NONE);
    assertThat(update.varyCookie()).isTrue();
  }

  @Test
  void save_emptiedSession_deletesTheCookie() {
    Session session = flagon().open("session=" + USER_COOKIE);
    session.pop("user_id", null);
    CookieUpdate update = flagon().save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.DELETE);
    assertThat(update.setCookieHeaders())
        .containsExactly("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/");
    assertThat(update.varyCookie()).isTrue();
  }

  @Test
  void save_clearOnEmptySession_deletesToo() {
    Session session = flagon().open();
    session.clear();
    assertThat(flagon().save(session).action()).isEqualTo(CookieUpdate.Action.DELETE);
  }

  @Test
  void save_logoutFromPermanentSession_keepsThePermanentFlag() {
    Flagon flagon = Flagon.create(config().permanentSessionLifetime(Duration.ofHours(1)).build());
    Session session = flagon.open("session=" + PERMANENT_USER_COOKIE);
    session.pop("user_id", null);
    CookieUpdate update = flagon.save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.SET);
    assertThat(update.setCookieHeaders().get(0)).startsWith("session=eyJfcGVybWFuZW50Ijp0cnVlfQ.");
  }

  @Test
  void save_readsTheClockOnceForTimestampAndExpires() {
    Clock ticking = new Clock() {
      private long calls;
      @Override public ZoneId getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(ZoneId zone) { return this; }
      @Override public Instant instant() { return Instant.ofEpochSecond(NOW + calls++, 900_000_000); }
    };
    Flagon flagon = Flagon.create(config().clock(ticking).permanentSessionLifetime(Duration.ofHours(1)).build());
    Session session = flagon.openCookieValue(null);
    session.setPermanent(true);
    session.put("user_id", 12345);
    assertThat(flagon.save(session).setCookieHeaders().get(0))
        .isEqualTo("session=" + PERMANENT_USER_COOKIE + "; Expires=Tue, 14 Nov 2023 23:13:20 GMT; HttpOnly; Path=/");
  }

  @Test
  void save_twice_givesTheSameAnswerAndLeavesTheSessionAlone() {
    Session session = flagon().open();
    session.put("user_id", 12345);
    CookieUpdate first = flagon().save(session);
    CookieUpdate second = flagon().save(session);
    assertThat(second.setCookieHeaders()).isEqualTo(first.setCookieHeaders());
    assertThat(session.data()).isEqualTo(Map.of("user_id", 12345));
    assertThat(session.isModified()).isTrue();
  }

  @Test
  void save_nestedMapWithMixedKeyTypes_throwsTaggedJsonException() {
    Session session = flagon().open();
    Map<Object, Object> mixed = new HashMap<>();
    mixed.put("a", 1);
    mixed.put(2, 3); // Python cannot sort str and int keys together
    session.put("thing", mixed);
    assertThatThrownBy(() -> flagon().save(session)).isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void save_headerAtTheLimit_isFineAndOneOverIsTooLarge() {
    Session session = flagon().open();
    session.put("user_id", 12345);
    int size = ("session=" + USER_COOKIE + "; HttpOnly; Path=/").length();
    assertThat(Flagon.create(config().maxCookieSize(size).build()).save(session).action())
        .isEqualTo(CookieUpdate.Action.SET);
    assertThatThrownBy(() -> Flagon.create(config().maxCookieSize(size - 1).build()).save(session))
        .isInstanceOf(CookieTooLargeException.class);
    assertThat(Flagon.create(config().maxCookieSize(0).build()).save(session).action())
        .isEqualTo(CookieUpdate.Action.SET);
  }

  @Test
  void save_tooLargeUnderError_namesTheLargestKeysNeverValues() {
    Session session = flagon().open();
    for (int i = 0; i < 7; i++) {
      session.put("key" + i, incompressible(i * 10, i));
    }
    session.put("big", "SECRETVALUE-" + incompressible(5000, 99));
    CookieTooLargeException e = org.junit.jupiter.api.Assertions.assertThrows(
        CookieTooLargeException.class, () -> flagon().save(session));
    assertThat(e.largestKeys()).containsExactly("big", "key6", "key5", "key4", "key3");
    assertThat(e.limit()).isEqualTo(4093);
    assertThat(e.headerSize()).isGreaterThan(4093);
    assertThat(e.getMessage()).doesNotContain("SECRETVALUE").contains("big");
  }

  /** Text that zlib cannot shrink, so the cookie really grows with it. */
  private static String incompressible(int length, long seed) {
    java.util.Random random = new java.util.Random(seed);
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return java.util.Base64.getEncoder().encodeToString(bytes).substring(0, length);
  }

  @Test
  void save_tooLargeUnderWarn_sendsItWithWerkzeugsWarning() {
    Flagon flagon = Flagon.create(config().sizePolicy(SizePolicy.WARN).maxCookieSize(50).build());
    Session session = flagon.open();
    session.put("user_id", 12345);
    CookieUpdate update = flagon.save(session);
    assertThat(update.action()).isEqualTo(CookieUpdate.Action.SET);
    assertThat(update.sizeWarning()).contains("The 'session' cookie is too large: the value was 58 bytes but the"
        + " header required 26 extra bytes. The final size was 84 bytes but the limit is 50 bytes. Browsers may"
        + " silently ignore cookies larger than this.");
  }

  @Test
  void save_deletionIsMeasuredToo() {
    Flagon flagon = Flagon.create(config().sizePolicy(SizePolicy.WARN).maxCookieSize(20).build());
    Session session = flagon.open();
    session.clear();
    assertThat(flagon.save(session).sizeWarning()).hasValueSatisfying(w ->
        assertThat(w).contains("the value was 0 bytes but the header required 76 extra bytes"));
  }

  @Test
  void config_isTheOneGiven() {
    FlagonConfig config = config().build();
    assertThat(Flagon.create(config).config()).isSameAs(config);
  }

  @Test
  void open_rejectedCookie_logsKindAndNameAtDebugNeverTheValue() {
    RecordingLogger log = new RecordingLogger();
    Flagon flagon = new Flagon(config().build(), log);
    String tampered = USER_COOKIE.replace("8dw", "9dw");
    flagon.open("session=" + tampered);
    assertThat(log.lines).hasSize(1);
    assertThat(log.lines.get(0)).startsWith("DEBUG").contains("'session'").contains("BadTimeSignature")
        .doesNotContain(tampered).doesNotContain("eyJ1c2VyX2lkIjoxMjM0NX0").doesNotContain(SECRET);
  }

  @Test
  void save_tooLargeUnderWarn_logsTheWarningWithoutTheValue() {
    RecordingLogger log = new RecordingLogger();
    Flagon flagon = new Flagon(config().sizePolicy(SizePolicy.WARN).maxCookieSize(50).build(), log);
    Session session = flagon.open();
    session.put("user_id", 12345);
    flagon.save(session);
    assertThat(log.lines).singleElement().asString().startsWith("WARNING The 'session' cookie is too large")
        .doesNotContain("eyJ1c2VyX2lkIjoxMjM0NX0");
  }

  @Test
  void open_sameCookieTwice_sessionsDoNotShareData() {
    Flagon flagon = flagon();
    Session first = flagon.open("session=" + USER_COOKIE);
    Session second = flagon.open("session=" + USER_COOKIE);
    first.put("user_id", 1);
    assertThat(second.get("user_id")).isEqualTo(12345);
  }

  /** Flask's tags and a custom tag {@code " k"} that reads any value as {@code result}. */
  private static TaggedJson readingTag(Object result) {
    return TaggedJson.builder().register(new JsonTag<>(" k", Object.class) {
      @Override
      public boolean check(Object value) {
        return false; // only read here
      }

      @Override
      public Object toJson(Object value) {
        return value;
      }

      @Override
      public Object fromJson(Object json) {
        return result;
      }
    }).build();
  }

  /** A custom tag may hand back a map it keeps: the session must copy it, not write into it. */
  @Test
  void open_customTagReturningItsOwnMap_sessionWritesDoNotReachIt() {
    Map<String, Object> kept = new java.util.LinkedHashMap<>(Map.of("user_id", 7));
    Flagon flagon = Flagon.create(config().taggedJson(readingTag(kept)).build());
    Session session = flagon.openCookieValue(signedPayload("{\" k\":\"\"}"));
    session.put("user_id", 8);
    assertThat(kept).containsExactly(Map.entry("user_id", 7));
    assertThat(session.get("user_id")).isEqualTo(8);
  }

  @Test
  void open_customTagGivingANonStringKey_isABadPayload() {
    Flagon flagon = Flagon.create(config().taggedJson(readingTag(Map.of(1, "one"))).build());
    assertThatThrownBy(() -> flagon.openCookieValue(signedPayload("{\" k\":\"\"}")))
        .isInstanceOf(BadPayloadException.class).hasMessageContaining("a key is not a string");
  }
}
