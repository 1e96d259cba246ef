package dev.flagon.login;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Sessions as a request opens them (neither accessed nor modified), from Flask's tagged JSON, and their
 * contents back as tagged JSON: the form both sides of the live tests compare, byte for byte.
 */
final class TestSessions {
  private static final String KEY = "test sessions only: a key for the session cookie";
  private static final long SIGNED_AT = 1_700_000_000L;
  private static final Flagon FLAGON = Flagon.create(FlagonConfig.builder().secretKey(Secret.fromText(KEY))
      .clock(Clock.fixed(Instant.ofEpochSecond(SIGNED_AT), ZoneOffset.UTC)).build());
  private static final UrlSafeTimedSerializer SIGNER =
      UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(KEY)), Signing.flask());

  private TestSessions() {}

  /** A session opened from a cookie holding this tagged JSON object. */
  static Session of(String taggedJson) {
    return FLAGON.openCookieValue(SIGNER.dumps(taggedJson, SIGNED_AT));
  }

  /** An empty session, as for a request without a session cookie. */
  static Session empty() {
    return FLAGON.openCookieValue(null);
  }

  /** The session's contents as Flask's tagged JSON (keys sorted, Python's number forms). */
  static String json(Session session) {
    return TaggedJson.standard().dumps(session.toMap());
  }
}
