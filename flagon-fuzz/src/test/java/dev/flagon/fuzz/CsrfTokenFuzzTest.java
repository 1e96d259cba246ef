package dev.flagon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flagon.CookieFormat;
import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.SizePolicy;
import dev.flagon.codec.BadDataException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJson;
import dev.flagon.login.CsrfConfig;
import dev.flagon.login.CsrfException;
import dev.flagon.login.CsrfProtect;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * flagon-login's Flask-WTF check (CsrfRequest.protect) of a POST over HTTPS, on input {@code token \n Referer}.
 * Odd first byte: the token is as any client could send it. Even: its payload is signed first, as only a key
 * holder could, so the fuzzer reaches the JSON and the comparison. Bit 1 drops the time limit. It passes or
 * throws CsrfException, nothing else, and it passes only for a token carrying the session's raw token.
 */
class CsrfTokenFuzzTest {
  static final String RAW = "0123456789abcdef0123456789abcdef01234567";
  /** Flask-WTF's signer: itsdangerous' defaults with its own salt. */
  static final UrlSafeTimedSerializer SIGNER = UrlSafeTimedSerializer.create(KeyRing.of(
      Secret.fromText(Targets.SECRET)), Signing.of("wtf-csrf-token", Digest.SHA1, KeyDerivation.DJANGO_CONCAT));
  private static final CsrfProtect TIMED = csrf(3600);
  private static final CsrfProtect UNTIMED = csrf(null);
  private static final Flagon FLAGON = Targets.flagon(CookieFormat.SIGNED, SizePolicy.ERROR);
  private static final UrlSafeTimedSerializer SESSIONS =
      UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(Targets.SECRET)), Signing.flask());

  private static CsrfProtect csrf(Integer timeLimit) {
    Map<String, Object> config = new HashMap<>();
    config.put("SECRET_KEY", Targets.SECRET);
    config.put("WTF_CSRF_TIME_LIMIT", timeLimit);
    return CsrfProtect.create(CsrfConfig.fromMap(config),
        Clock.fixed(Instant.ofEpochSecond(Targets.NOW), ZoneOffset.UTC));
  }

  @FuzzTest(maxDuration = "30s")
  void protect(byte[] input) {
    passes(input);
  }

  /** Whether the request passes (a passing token is checked to carry the raw token). */
  static boolean passes(byte[] input) {
    String text = Targets.rest(input);
    int newline = text.indexOf('\n');
    String token = newline < 0 ? text : text.substring(0, newline);
    String referer = newline < 0 ? null : text.substring(newline + 1);
    if (Targets.mode(input) % 2 == 0) {
      token = SIGNER.dumps(token, Targets.NOW);
    }
    Session session = FLAGON.openCookieValue(SESSIONS.dumps("{\"csrf_token\":\"" + RAW + "\"}", Targets.NOW));
    CsrfProtect csrf = (Targets.mode(input) & 2) == 0 ? TIMED : UNTIMED;
    try {
      csrf.begin(session, new FuzzRequest("X-CSRFToken", token, "Referer", referer)).protect();
    } catch (CsrfException expected) {
      return false;
    }
    Object payload;
    try {
      payload = TaggedJson.standard().loads(UrlSafeTimedSerializer.decodeUnverified(token));
    } catch (BadDataException e) {
      throw new AssertionError("a token that is not itsdangerous' passed", e);
    }
    assertThat(payload).isEqualTo(RAW);
    return true;
  }
}
