package dev.flagon.login;

import dev.flagon.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@code login} request of {@code login_oracle.py} on the Java side, answering in the oracle's form,
 * so both answers can be compared as plain JSON.
 */
final class LoginRunner {
  private LoginRunner() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> run(Map<String, Object> request, long extraNanos) {
    Map<String, Object> config = new HashMap<>((Map<String, Object>) request.get("config"));
    config.put("SECRET_KEY", request.get("secret"));
    long nowMicros = ((Number) request.get("now_us")).longValue();
    Clock clock = Clock.fixed(Instant.EPOCH.plus(nowMicros, ChronoUnit.MICROS).plusNanos(extraNanos), ZoneOffset.UTC);
    Set<String> inactive = new HashSet<>((List<String>) request.get("inactive"));
    LoginManager<TestUser> manager = LoginManager.create(LoginConfig.fromMap(config),
        TestUser.loader(inactive, new HashSet<>((List<String>) request.get("unknown"))), clock);
    TestRequest view = TestRequest.get().withRemoteAddress((String) request.get("remote_addr"));
    for (List<String> header : (List<List<String>>) request.get("headers")) {
      view = view.withHeader(header.get(0), header.get(1));
    }
    for (List<String> cookie : (List<List<String>>) request.get("cookies")) {
      view = view.withCookie(cookie.get(0), cookie.get(1));
    }
    Session session = TestSessions.of((String) request.get("session"));
    CurrentLogin<TestUser> login = manager.begin(session, view);
    List<Object> results = new ArrayList<>();
    for (List<Object> op : (List<List<Object>>) request.get("ops")) {
      results.add(switch ((String) op.get(0)) {
        case "user" -> login.user().map(TestUser::id).orElse(null);
        case "login" -> login.loginUser(new TestUser((String) op.get(1), !inactive.contains(op.get(1))),
            options((Map<String, Object>) op.get(2)));
        case "logout" -> {
          login.logoutUser();
          yield null;
        }
        case "fresh" -> login.isFresh();
        case "remembered" -> login.isRemembered();
        case "confirm" -> {
          login.confirmLogin();
          yield null;
        }
        case "finish" -> login.finish().map(LoginRunner::cookie).map(List::of).orElse(List.of());
        case "identifier" -> SessionIdentifier.create(view);
        case "encode" -> manager.config().rememberToken().encode((String) op.get(1));
        case "decode" -> manager.config().rememberToken().decode((String) op.get(1));
        default -> throw new IllegalArgumentException("unknown op " + op);
      });
    }
    return Oracle.answer(results, session);
  }

  private static LoginOptions options(Map<String, Object> o) {
    Number micros = (Number) o.get("duration_us");
    return new LoginOptions(Boolean.TRUE.equals(o.get("remember")),
        micros == null ? null : Duration.of(micros.longValue(), ChronoUnit.MICROS),
        Boolean.TRUE.equals(o.get("force")), !Boolean.FALSE.equals(o.get("fresh")));
  }

  /** What the oracle records of Werkzeug's {@code set_cookie} call. */
  private static Map<String, Object> cookie(RememberCookie c) {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("key", c.name());
    call.put("value", c.value());
    call.put("max_age", c.deletion() ? 0 : null);
    call.put("expires_us", c.expires().getEpochSecond() * 1_000_000L + c.expires().getNano() / 1000);
    call.put("path", c.path());
    call.put("domain", c.domain());
    call.put("secure", c.secure());
    call.put("httponly", c.httpOnly());
    call.put("samesite", c.sameSite() == null ? null : c.sameSite().attributeValue());
    call.put("header", c.header());
    return call;
  }
}
