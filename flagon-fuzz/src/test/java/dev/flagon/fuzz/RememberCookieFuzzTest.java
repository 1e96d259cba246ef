package dev.flagon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flagon.CookieFormat;
import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.SizePolicy;
import dev.flagon.WerkzeugCookie;
import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.login.CurrentLogin;
import dev.flagon.login.LoginConfig;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginUser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * flagon-login's current_user and after-request step on input {@code Cookie \n User-Agent \n X-Forwarded-For
 * \n session}: session protection (the identifier from those headers), the remember cookie, its refresh.
 * Odd first byte: the headers are as any client could send them and the session is empty or user 7's; a
 * user other than 7 is loaded only for the exact remember cookie of user 42. Even: the first line is a user
 * id whose remember cookie is made with the key, and the session is tagged JSON signed with it, as only a
 * key holder could. Bit 1 picks strong session protection. Nothing is thrown, and the refreshed cookie can
 * always be written.
 */
class RememberCookieFuzzTest {
  static final byte[] KEY = Targets.SECRET.getBytes(StandardCharsets.ISO_8859_1);
  static final String USER_7_SESSION = "{\"_fresh\":true,\"_id\":\"x\",\"_user_id\":\"7\"}";
  private static final Flagon FLAGON = Targets.flagon(CookieFormat.SIGNED, SizePolicy.ERROR);
  private static final UrlSafeTimedSerializer SESSIONS =
      UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(Targets.SECRET)), Signing.flask());
  private static final WerkzeugCookie REMEMBER = WerkzeugCookie.builder("remember_token").build();
  private static final LoginManager<User> BASIC = manager("basic");
  private static final LoginManager<User> STRONG = manager("strong");

  record User(String id) implements LoginUser {}

  private static LoginManager<User> manager(String protection) {
    LoginConfig config = LoginConfig.fromMap(Map.of("SECRET_KEY", Targets.SECRET, "SESSION_PROTECTION", protection,
        "REMEMBER_COOKIE_REFRESH_EACH_REQUEST", true));
    return LoginManager.create(config, id -> id.equals("7") || id.equals("42") ? Optional.of(new User(id))
        : Optional.empty(), Clock.fixed(Instant.ofEpochSecond(Targets.NOW), ZoneOffset.UTC));
  }

  /** Flask-Login's encode_cookie: {@code id|hex(HMAC-SHA512(SECRET_KEY, utf8(id)))}. */
  static String rememberCookie(String userId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(KEY, "HmacSHA512"));
      return userId + "|" + HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Cookie header a browser sends back for a Set-Cookie header: its name=value part (; is escaped). */
  static String asSentBack(String setCookie) {
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  @FuzzTest(maxDuration = "30s")
  void currentUser(byte[] input) {
    user(input);
  }

  /** The request's user, if any (empty also where the input is not a session). */
  static Optional<User> user(byte[] input) {
    String[] lines = Targets.rest(input).split("\n", 4);
    String first = lines[0];
    String agent = lines.length > 1 ? lines[1] : null;
    String forwarded = lines.length > 2 ? lines[2] : null;
    boolean client = Targets.mode(input) % 2 == 1;
    String sessionJson = client ? ((Targets.mode(input) & 4) == 0 ? "{}" : USER_7_SESSION)
        : lines.length > 3 ? lines[3] : "{}";
    Session session;
    try {
      session = FLAGON.openCookieValue(SESSIONS.dumps(sessionJson, Targets.NOW));
    } catch (BadPayloadException notASession) {
      return Optional.empty();
    }
    String cookieHeader = client ? first : asSentBack(REMEMBER.set(rememberCookie(first), Instant.EPOCH));
    LoginManager<User> manager = (Targets.mode(input) & 2) == 0 ? BASIC : STRONG;
    CurrentLogin<User> login = manager.begin(session, new FuzzRequest("Cookie", cookieHeader, "User-Agent", agent,
        "X-Forwarded-For", forwarded));
    Optional<User> user = login.user();
    login.isFresh();
    login.isRemembered();
    login.finish().ifPresent(cookie -> assertThat(cookie.header()).startsWith("remember_token="));
    if (client && user.isPresent() && !user.get().id().equals("7")) {
      assertThat(WerkzeugCookie.firstValue(List.of(first), "remember_token"))
          .isEqualTo(rememberCookie("42"));
    }
    return user;
  }
}
