package dev.flagon.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.Session;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.login.CsrfException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsrfRequestTest {
  private static final long T0 = 1_760_000_000L;
  private static final String RAW = "0123456789abcdef0123456789abcdef01234567";

  private static CsrfProtect csrf(long now, Map<String, Object> settings) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put("SECRET_KEY", "a test key, not a secret");
    return CsrfProtect.create(CsrfConfig.fromMap(config), Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
  }

  private static final CsrfProtect AT_T0 = csrf(T0, Map.of());

  private static String tokenFor(String raw, long at) {
    return csrf(at, Map.of()).begin(TestSessions.of("{\"csrf_token\":\"" + raw + "\"}"), TestRequest.get()).token();
  }

  private static Reason reason(Runnable check) {
    try {
      check.run();
      return null;
    } catch (CsrfException e) {
      return e.reason();
    }
  }

  @Test
  void token_emptySession_storesARawSha1HexTokenAndSignsItsJson() {
    Session session = TestSessions.empty();

    String token = AT_T0.begin(session, TestRequest.get()).token();

    String raw = (String) session.get("csrf_token");
    assertThat(raw).matches("[0-9a-f]{40}");
    assertThat(UrlSafeTimedSerializer.decodeUnverified(token)).isEqualTo("\"" + raw + "\"");
  }

  @Test
  void token_rawTokenPresent_isKeptAndTheSessionNotModified() {
    Session session = TestSessions.of("{\"csrf_token\":\"" + RAW + "\"}");

    AT_T0.begin(session, TestRequest.get()).token();

    assertThat(session.get("csrf_token")).isEqualTo(RAW);
    assertThat(session.isModified()).isFalse();
  }

  @Test
  void token_rawTokenNotText_isReplaced() {
    Session session = TestSessions.of("{\"csrf_token\":7}");

    String token = AT_T0.begin(session, TestRequest.get()).token();

    assertThat(session.get("csrf_token")).asString().matches("[0-9a-f]{40}");
    AT_T0.begin(session, TestRequest.get()).validate(token);
  }

  @Test
  void token_twiceInOneRequest_isTheSameEvenAsTheClockMoves() {
    Clock ticking = new Clock() { // one second later at every reading
      private long seconds = T0;

      @Override
      public Instant instant() {
        return Instant.ofEpochSecond(seconds++);
      }

      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    };
    CsrfProtect csrf = CsrfProtect.create(CsrfConfig.fromMap(Map.of("SECRET_KEY", "k")), ticking);
    Session session = TestSessions.empty();
    CsrfRequest request = csrf.begin(session, TestRequest.get());

    assertThat(request.token()).isEqualTo(request.token());
    assertThat(csrf.begin(session, TestRequest.get()).token()).as("the next request's").isNotEqualTo(request.token());
  }

  @Test
  void validate_eachFailure_hasFlaskWtfsReason() {
    Session session = TestSessions.of("{\"csrf_token\":\"" + RAW + "\"}");
    String token = tokenFor(RAW, T0);
    CsrfRequest now = AT_T0.begin(session, TestRequest.get());

    assertThat(reason(() -> now.validate(token))).isNull();
    assertThat(reason(() -> now.validate(null))).isEqualTo(Reason.TOKEN_MISSING);
    assertThat(reason(() -> now.validate(""))).isEqualTo(Reason.TOKEN_MISSING);
    assertThat(reason(() -> AT_T0.begin(TestSessions.empty(), TestRequest.get()).validate(token)))
        .isEqualTo(Reason.SESSION_TOKEN_MISSING);
    assertThat(reason(() -> now.validate(token.replace('.', ',')))).isEqualTo(Reason.INVALID);
    assertThat(reason(() -> now.validate(tokenFor("ffff", T0)))).isEqualTo(Reason.MISMATCH);
    assertThat(reason(() -> csrf(T0 + 3600, Map.of()).begin(session, TestRequest.get()).validate(token))).isNull();
    assertThat(reason(() -> csrf(T0 + 3601, Map.of()).begin(session, TestRequest.get()).validate(token)))
        .isEqualTo(Reason.EXPIRED);
    assertThat(reason(() -> csrf(T0 - 1, Map.of()).begin(session, TestRequest.get()).validate(token)))
        .as("signed in the future").isEqualTo(Reason.EXPIRED);
    assertThat(new CsrfException(Reason.EXPIRED)).hasMessage("The CSRF token has expired.");
  }

  @Test
  void validate_noTimeLimit_acceptsOldAndFutureTokens() {
    Session session = TestSessions.of("{\"csrf_token\":\"" + RAW + "\"}");
    Map<String, Object> noLimit = new HashMap<>();
    noLimit.put("WTF_CSRF_TIME_LIMIT", null);

    csrf(T0 + 10_000_000, noLimit).begin(session, TestRequest.get()).validate(tokenFor(RAW, T0));
    csrf(T0 - 10_000_000, noLimit).begin(session, TestRequest.get()).validate(tokenFor(RAW, T0));
  }

  @Test
  void protect_findsTheTokenInTheFormAPrefixedFieldOrAHeader() {
    Session session = TestSessions.of("{\"csrf_token\":\"" + RAW + "\"}");
    String token = tokenFor(RAW, T0);
    TestRequest post = TestRequest.get().withMethod("POST");

    AT_T0.begin(session, post.withFormField("csrf_token", token)).protect();
    AT_T0.begin(session, post.withFormField("csrf_token", "").withFormField("login-csrf_token", token)).protect();
    AT_T0.begin(session, post.withHeader("x-csrftoken", token)).protect();
    AT_T0.begin(session, post.withHeader("X-CSRF-Token", token)).protect();
    AT_T0.begin(session, TestRequest.get()).protect(); // GET is not checked
    assertThatThrownBy(() -> AT_T0.begin(session, post.withHeader("X-Other", token)).protect())
        .hasMessage("The CSRF token is missing.");
  }

  @Test
  void protect_overHttps_needsASameOriginReferrer() {
    Session session = TestSessions.of("{\"csrf_token\":\"" + RAW + "\"}");
    TestRequest post = TestRequest.get().withMethod("POST").withSecure(true, "example.com")
        .withFormField("csrf_token", tokenFor(RAW, T0));

    assertThat(reason(() -> AT_T0.begin(session, post).protect())).isEqualTo(Reason.REFERRER_MISSING);
    assertThat(reason(() -> AT_T0.begin(session, post.withHeader("Referer", "http://example.com/")).protect()))
        .isEqualTo(Reason.REFERRER_MISMATCH);
    assertThat(reason(() -> AT_T0.begin(session, post.withHeader("Referer", "https://EXAMPLE.com/x?y")).protect()))
        .isNull();
    assertThat(reason(() -> csrf(T0, Map.of("WTF_CSRF_SSL_STRICT", "false")).begin(session, post).protect()))
        .isNull();
  }
}
