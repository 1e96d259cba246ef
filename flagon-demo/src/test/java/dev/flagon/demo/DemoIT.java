package dev.flagon.demo;

import static dev.flagon.demo.TestHttp.cookiePair;
import static dev.flagon.demo.TestHttp.onlySetCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.testing.OneConnection;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo app on a real socket: log in two ways, flash messages, log out, and the cookie page. */
class DemoIT {
  private static final Pattern EXPIRES = Pattern.compile("; Expires=([^;]+);");

  private static FlagonConfig config;
  private static WebServer demo;

  @BeforeAll
  static void startDemo() throws Exception {
    config = DemoApp.configFromEnvironment(Map.of("FLAGON_SECRET_KEY", "demo-integration-test-secret"));
    demo = DemoApp.start(config, 0);
  }

  @AfterAll
  static void stopDemo() throws Exception {
    demo.close();
  }

  @Test
  void index_withoutCookie_showsNotLoggedInAndLoginForm() throws Exception {
    HttpResponse<String> index = get("/", null);

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8"));
    assertThat(index.body()).contains("Not logged in", "<form method=post action=\"/login\">",
        "name=remember value=on", "remember me for 60 minutes").doesNotContain("href=\"/logout\"");
  }

  @Test
  void getLogin_thenIndex_showsUserAndFlashesOnce() throws Exception {
    HttpResponse<String> login = get("/login", null);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(TestHttp.location(login)).contains("/");
    String setCookie = onlySetCookie(login);
    assertThat(setCookie).startsWith("session=").doesNotContain("Expires=")
        .endsWith("; Secure; HttpOnly; Path=/; SameSite=Lax");

    HttpResponse<String> first = get("/", cookiePair(setCookie));
    assertThat(first.body()).contains("Logged in as user 12345", "You are logged in", "href=\"/logout\"")
        .doesNotContain("action=\"/login\"");

    // Reading the flashes removed them: the browser now holds the cookie without them.
    HttpResponse<String> second = get("/", cookiePair(onlySetCookie(first)));
    assertThat(second.body()).contains("Logged in as user 12345").doesNotContain("You are logged in");
  }

  /** What CrossFrameworkIT once saw: a tampered cookie answered as the valid one before it on the connection. */
  @Test
  void index_validAndTamperedCookiesOnOneConnection_eachAnsweredFromItsOwnCookie() {
    OneConnection.assertNoCrossTalk(demo.baseUrl(), "session");
  }

  @Test
  void postLogin_withRememberMe_setsSecureCookieExpiringIn60Minutes() throws Exception {
    HttpResponse<String> login = TestHttp.postForm(demo.baseUrl() + "/login", "remember=on", null);

    assertThat(login.statusCode()).isEqualTo(302);
    String setCookie = onlySetCookie(login);
    assertThat(setCookie).endsWith("; Secure; HttpOnly; Path=/; SameSite=Lax");
    Matcher expires = EXPIRES.matcher(setCookie);
    assertThat(expires.find()).as("Expires in %s", setCookie).isTrue();
    ZonedDateTime expiry = ZonedDateTime.parse(expires.group(1), DateTimeFormatter.RFC_1123_DATE_TIME);
    assertThat(expiry).isCloseTo(ZonedDateTime.now().plusMinutes(60), within(2, ChronoUnit.MINUTES));
    assertThat(get("/", cookiePair(setCookie)).body()).contains("Logged in as user 12345");
  }

  @Test
  void postLogin_withoutRememberMe_setsBrowserSessionCookie() throws Exception {
    HttpResponse<String> login = TestHttp.postForm(demo.baseUrl() + "/login", "", null);

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(onlySetCookie(login)).doesNotContain("Expires=");
  }

  @Test
  void logout_afterLogin_showsNotLoggedInAndFlash() throws Exception {
    String flashed = cookiePair(onlySetCookie(get("/login", null)));
    String loggedIn = cookiePair(onlySetCookie(get("/", flashed))); // the login message is shown

    HttpResponse<String> logout = get("/logout", loggedIn);
    assertThat(logout.statusCode()).isEqualTo(302);
    HttpResponse<String> index = get("/", cookiePair(onlySetCookie(logout)));

    assertThat(index.body()).contains("Not logged in", "You are logged out")
        .doesNotContain("You are logged in", "Logged in as user");
  }

  @Test
  void cookiePage_afterLogin_showsDataDecodedWithoutKey() throws Exception {
    String loggedIn = cookiePair(onlySetCookie(get("/login", null)));

    HttpResponse<String> page = get("/cookie", loggedIn);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("signed, not encrypted", "without the secret key",
        loggedIn.substring("session=".length()),
        "&quot;user_id&quot;:12345", "You are logged in", "The signature is valid");
  }

  /** FLAGON_SESSION_FORMAT=encrypted: the page must not tell the user that anyone can read the cookie. */
  @Test
  void cookiePage_encryptedSessions_saysOnlyKeyHoldersCanReadTheCookie() throws Exception {
    FlagonConfig encrypted = DemoApp.configFromEnvironment(Map.of("FLAGON_SECRET_KEY",
        "demo-integration-test-secret", "FLAGON_SESSION_FORMAT", "encrypted"));
    try (WebServer server = DemoApp.start(encrypted, 0)) {
      String loggedIn = cookiePair(onlySetCookie(TestHttp.get(server.baseUrl() + "/login", null)));

      HttpResponse<String> page = TestHttp.get(server.baseUrl() + "/cookie", loggedIn);

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<strong>encrypted</strong>", "only a holder of the secret key",
          "This cookie cannot be decoded.", "The server reads the keys _flashes, user_id")
          .doesNotContain("signed, not encrypted", "signature");
    }
  }

  /** Issue 11: twelve at once gave OutOfMemoryError 500s at -Xmx512m; each is now refused within its budget. */
  @Test
  void cookiePage_hostileUnsignedCookies_inParallel_sayTheyCannotBeDecoded() throws Exception {
    String hostile = UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText("not-the-demo-key-000001")), Signing.flask()).dumps("{\"a\":{\" t\":\"" + "x".repeat(500_000) + "\"}}", 1_700_000_000L);

    List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pages.add(CompletableFuture.supplyAsync(() -> {
        try {
          return get("/cookie", "session=" + hostile);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }

    for (CompletableFuture<HttpResponse<String>> page : pages) {
      assertThat(page.get().statusCode()).isEqualTo(200);
      assertThat(page.get().body()).contains("This cookie cannot be decoded.", "The server accepted nothing");
    }
  }

  @Test
  void cookiePage_withoutCookie_saysThereIsNone() throws Exception {
    assertThat(get("/cookie", null).body()).contains("sent no <code>session</code> cookie");
  }

  @Test
  void index_flashedMarkup_isEscaped() throws Exception {
    Flagon flagon = Flagon.create(config);
    Session session = flagon.open();
    session.flash("<script>alert('x')</script>");
    String cookie = cookiePair(flagon.save(session).setCookieHeaders().get(0));

    String body = get("/", cookie).body();

    assertThat(body).contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;").doesNotContain("<script>");
  }

  private static HttpResponse<String> get(String path, String cookie) throws Exception {
    return TestHttp.get(demo.baseUrl() + path, cookie);
  }
}
