package dev.flagon.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.json.TaggedJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Live interop with the real Flask-Login 0.6.3 over generated requests: ids (ASCII, non-ASCII, with
 * {@code |}, very long, numeric-looking), header sets ({@code X-Forwarded-For} lists, missing or non-ASCII
 * {@code User-Agent}, IPv6), configurations and sessions, and random sequences of {@code current_user},
 * {@code login_user}, {@code logout_user}, {@code login_fresh}, {@code login_remembered},
 * {@code confirm_login} ending with the after-request remember cookie update. Both sides must give the same
 * results, the same {@code _id} and remember cookie, the same session (as Flask's tagged JSON, so floats and
 * booleans count) and modified flag, and the same remember cookie to send.
 */
class FlaskLoginInteropTest {
  private static final int CASES = 600;
  private static final String[] OPS = {"user", "login", "logout", "fresh", "remembered", "confirm"};

  @Test
  void generatedRequests_javaAndFlaskLogin_agreeOnEveryResultSessionAndCookie() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    LoginGenerator generate = new LoginGenerator(random);
    List<Map<String, Object>> requests = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      requests.add(request(generate, random));
    }
    List<Map<String, Object>> answers = Oracle.ask(requests);

    int loggedIn = 0;
    int cookiesSet = 0;
    int cookiesCleared = 0;
    for (int i = 0; i < CASES; i++) {
      Map<String, Object> request = requests.get(i);
      Map<String, Object> flask = answers.get(i);
      assertThat(flask.toString()).as("Flask-Login raised, seed %d, request %s", seed, Oracle.json(request))
          .doesNotContain("error=");
      Map<String, Object> java = LoginRunner.run(request, random.nextInt(1000));
      assertThat(java).as("seed %d, request %s", seed, Oracle.json(request)).isEqualTo(flask);
      String session = (String) flask.get("session");
      loggedIn += session.contains("\"_user_id\"") ? 1 : 0;
      String results = flask.get("results").toString();
      cookiesSet += results.contains("max_age=null") ? 1 : 0;
      cookiesCleared += results.contains("max_age=0") ? 1 : 0;
    }
    // The generator reaches every outcome, not only the easy ones.
    assertThat(loggedIn).as("cases ending logged in, seed %d", seed).isBetween(CASES / 10, CASES - CASES / 10);
    assertThat(cookiesSet).as("remember cookies set, seed %d", seed).isGreaterThan(CASES / 20);
    assertThat(cookiesCleared).as("remember cookies cleared, seed %d", seed).isGreaterThan(CASES / 20);
  }

  /**
   * Flask-Login's one crash on a remember cookie: {@code hmac.compare_digest} refuses non-ASCII text with a
   * {@code TypeError} (an HTTP 500). A cookie whose separator was changed has its digest begin inside the
   * id; with a non-ASCII id Flagon reads it as no remember cookie, and the session stays as Flask leaves it.
   */
  @Test
  @SuppressWarnings("unchecked")
  void rememberCookieWithNonAsciiDigest_flaskLoginRaises_flagonReadsNoCookie() {
    String valid = new RememberToken("dev".getBytes(StandardCharsets.ISO_8859_1)).encode("\u00e9|\u00fc");
    String broken = valid.substring(0, valid.lastIndexOf('|')) + "a" + valid.substring(valid.lastIndexOf('|') + 1);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("kind", "login");
    request.put("secret", "dev");
    request.put("config", Map.of());
    request.put("now_us", 1_800_000_000_000_000L);
    request.put("headers", List.of());
    request.put("remote_addr", "127.0.0.1");
    request.put("inactive", List.of());
    request.put("unknown", List.of());
    request.put("session", "{}");
    request.put("cookies", List.of(List.of("remember_token", broken)));
    request.put("ops", List.of(List.of("remembered"), List.of("user"), List.of("decode", broken), List.of("finish")));

    Map<String, Object> flask = Oracle.ask(List.of(request)).get(0);
    Map<String, Object> typeError = Map.of("error", "TypeError");
    assertThat((List<Object>) flask.get("results")).containsExactly(typeError, typeError, typeError, List.of());

    Map<String, Object> java = LoginRunner.run(request, 0);
    assertThat((List<Object>) java.get("results")).containsExactly(false, null, null, List.of());
    assertThat(java.get("session")).isEqualTo(flask.get("session")).isEqualTo("{}");
    assertThat(java.get("modified")).isEqualTo(flask.get("modified"));
  }

  private static Map<String, Object> request(LoginGenerator generate, Random random) {
    String id = generate.id();
    List<List<String>> headers = generate.headers();
    String remoteAddress = generate.remoteAddress();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("kind", "login");
    request.put("secret", generate.secret());
    Map<String, Object> config = generate.config();
    request.put("config", config);
    request.put("now_us", 1_700_000_000_000_000L + (long) (random.nextDouble() * 100_000_000_000_000L));
    request.put("headers", headers);
    request.put("remote_addr", remoteAddress);
    request.put("inactive", random.nextInt(5) == 0 ? List.of(id) : List.of());
    request.put("unknown", random.nextInt(8) == 0 ? List.of(id) : List.of());
    // The identifier this client has, computed by Java: the session matches it or not.
    TestRequest view = TestRequest.get().withRemoteAddress(remoteAddress);
    for (List<String> header : headers) {
      view = view.withHeader(header.get(0), header.get(1));
    }
    request.put("session", TaggedJson.standard().dumps(generate.session(id, SessionIdentifier.create(view))));
    request.put("cookies", generate.cookies(id, (String) request.get("secret"),
        (String) config.getOrDefault("REMEMBER_COOKIE_NAME", "remember_token")));
    List<Object> ops = new ArrayList<>();
    ops.add(List.of("identifier"));
    ops.add(List.of("encode", id));
    for (int n = random.nextInt(5); n > 0; n--) {
      String op = OPS[random.nextInt(OPS.length)];
      ops.add(op.equals("login") ? List.of(op, random.nextInt(4) == 0 ? generate.id() : id, generate.loginOptions())
          : List.of(op));
    }
    ops.add(List.of("finish"));
    request.put("ops", ops);
    return request;
  }
}
