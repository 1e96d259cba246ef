package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.PlainJson;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What used to trip verify up: a key from {@code flagon secret} given as hex, a pasted {@code session=...}
 * or Cookie header, and a max age that ignored the server's {@code PERMANENT_SESSION_LIFETIME}.
 */
class VerifyTrapsTest {
  private static final long SIGNED_AT = 1_700_000_000L;
  private static final String SESSION = "{\"user_id\":12345}";
  private static final String SECRET = flagon("secret").run().line();

  /** A cookie as a server whose SECRET_KEY is this text makes it. */
  private static String cookieWithTextKey(String key) {
    return flagon("encode", "--secret-env", "K", "--timestamp", Long.toString(SIGNED_AT), "--json", SESSION)
        .env("K", key).run().line();
  }

  @Test
  void secretOutputGivenAsHex_serverUsesItAsText_rejectedWithHintToReadItAsText() {
    String cookie = cookieWithTextKey(SECRET);

    Cli.Result result = flagon("verify", "--now", "1700000010", "--secret-hex", SECRET, cookie).run();

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).startsWith("flagon verify: cookie rejected: BadTimeSignature: Signature does not match\n")
        .contains("flagon verify: hint: the signature matches if the --secret-hex value is read as text",
            "--secret-env NAME")
        .doesNotContain(SECRET);
  }

  @Test
  void secretOutputGivenAsText_isAccepted() {
    String cookie = cookieWithTextKey(SECRET);

    assertThat(flagon("verify", "--now", "1700000010", cookie).env("FLAGON_SECRET_KEY", SECRET).run().exit())
        .isZero();
  }

  @Test
  void hexTextKey_serverDecodedItToBytes_rejectedWithHintToDecodeIt() {
    String cookie = flagon("encode", "--secret-hex", SECRET, "--timestamp", Long.toString(SIGNED_AT),
        "--json", SESSION).run().line();

    Cli.Result result = flagon("verify", "--now", "1700000010", cookie).env("FLAGON_SECRET_KEY", SECRET).run();

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("hint: the signature matches if the key in environment variable"
        + " FLAGON_SECRET_KEY is decoded from hex", "--secret-hex").doesNotContain(SECRET);
  }

  @Test
  void otherReading_ofAFallbackKey_isHintedToo() {
    String cookie = cookieWithTextKey(SECRET);

    Cli.Result result = flagon("verify", "--now", "1700000010", "--secret-env", "K", "--fallback-hex", SECRET,
        cookie).env("K", "an-unrelated-current-key-0123456789").run();

    assertThat(result.err()).contains("hint: the signature matches if the --fallback-hex value is read as text");
  }

  @Test
  void otherReading_inJsonFormat_keepsStdoutAndHintsOnStderr() {
    String cookie = cookieWithTextKey(SECRET);

    Cli.Result result = flagon("verify", "--format", "json", "--now", "1700000010", "--secret-hex", SECRET, cookie)
        .run();

    assertThat(result.line()).startsWith("{\"ok\":false,\"error\":\"BadTimeSignature\",\"message\":");
    assertThat(PlainJson.map(PlainJson.parse(result.line()))).containsOnlyKeys("ok", "error", "message");
    assertThat(result.err()).contains("hint:").doesNotContain(SECRET);
  }

  @Test
  void wrongKey_withNoOtherReadingThatMatches_hasNoHint() {
    String cookie = cookieWithTextKey(SECRET);
    String other = HexFormat.of().formatHex("another key, not the server's".getBytes(StandardCharsets.UTF_8));

    Cli.Result result = flagon("verify", "--now", "1700000010", "--secret-hex", other, cookie).run();

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).doesNotContain("hint");
  }

  @Test
  void expiredCookie_hasNoHint() {
    String cookie = cookieWithTextKey(SECRET);

    Cli.Result result = flagon("verify", "--now", "1800000000", cookie).env("FLAGON_SECRET_KEY", SECRET).run();

    assertThat(result.err()).contains("SignatureExpired").doesNotContain("hint");
  }

  @Test
  void secretHelp_saysTheKeyIsText() {
    assertThat(flagon("secret", "--help").run().out()).contains("FLAGON_SECRET_KEY=<it>", "--secret-hex");
    assertThat(flagon("verify", "--help").run().out()).contains("--secret-hex=HEX", "./flagon secret prints");
  }

  @ParameterizedTest
  @ValueSource(strings = {"session=COOKIE", "theme=dark; session=COOKIE; lang=en", "Cookie: a=b; session=COOKIE",
      " session = COOKIE ;", "session=\"COOKIE\"", "session=COOKIE; session=ignored"})
  void pastedCookieOrHeader_isReadAsAServerReadsIt(String pasted) {
    String cookie = cookieWithTextKey(SECRET);
    String argument = pasted.replace("COOKIE", cookie);

    Cli.Result verify = flagon("verify", "--now", "1700000010", argument).env("FLAGON_SECRET_KEY", SECRET).run();
    Cli.Result decode = flagon("decode", argument).run();

    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(verify.out()).startsWith(SESSION + "\n");
    assertThat(decode.exit()).as(decode.err()).isZero();
    assertThat(decode.line()).isEqualTo(SESSION);
  }

  @Test
  void pastedHeader_otherCookieName_isTakenFromTheEnvironment() {
    String cookie = cookieWithTextKey(SECRET);

    Cli.Result result = flagon("verify", "--now", "1700000010", "session=x; my_app=" + cookie)
        .env("FLAGON_SECRET_KEY", SECRET).env("FLAGON_SESSION_COOKIE_NAME", "my_app").run();

    assertThat(result.exit()).as(result.err()).isZero();
  }

  @Test
  void pastedHeader_withoutTheSessionCookie_isRejectedAsBeforeWithANote() {
    Cli.Result result = flagon("decode", "theme=dark; lang=en").run();

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("note: COOKIE has '=' or ';'", "no cookie named session",
        "cannot decode the cookie");
  }

  @Test
  void maxAge_fromPermanentSessionLifetime_rejectsWhatTheServerRejects() {
    String cookie = cookieWithTextKey(SECRET);
    long twoHoursLater = SIGNED_AT + 7200;

    for (String lifetime : new String[] {"3600", "PT60M"}) {
      Cli.Result result = flagon("verify", "--now", Long.toString(twoHoursLater), cookie)
          .env("FLAGON_SECRET_KEY", SECRET).env("FLAGON_PERMANENT_SESSION_LIFETIME", lifetime).run();

      assertThat(result.exit()).as(lifetime).isEqualTo(1);
      assertThat(result.err()).contains("SignatureExpired");
    }
  }

  @Test
  void maxAge_fromPermanentSessionLifetime_isInclusive() {
    String cookie = cookieWithTextKey(SECRET);

    Cli.Result result = flagon("verify", "--now", Long.toString(SIGNED_AT + 3600), cookie)
        .env("FLAGON_SECRET_KEY", SECRET).env("FLAGON_PERMANENT_SESSION_LIFETIME", "3600").run();

    assertThat(result.exit()).as(result.err()).isZero();
  }

  @Test
  void maxAgeOption_winsOverTheEnvironment() {
    String cookie = cookieWithTextKey(SECRET);

    Cli.Result result = flagon("verify", "--now", Long.toString(SIGNED_AT + 7200), "--max-age", "86400", cookie)
        .env("FLAGON_SECRET_KEY", SECRET).env("FLAGON_PERMANENT_SESSION_LIFETIME", "not a duration").run();

    assertThat(result.exit()).as(result.err()).isZero();
  }

  @Test
  void permanentSessionLifetime_invalid_exits2WithOneLineNamingTheVariable() {
    String cookie = cookieWithTextKey(SECRET);

    Cli.Result result = flagon("verify", "--now", "1700000010", cookie)
        .env("FLAGON_SECRET_KEY", SECRET).env("FLAGON_PERMANENT_SESSION_LIFETIME", "soon").run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("flagon verify: environment variable FLAGON_PERMANENT_SESSION_LIFETIME:")
        .hasLineCount(1);
  }

  @Test
  void sessionCookieName_invalid_exits2WithOneLine() {
    Cli.Result result = flagon("decode", "session=abc").env("FLAGON_SESSION_COOKIE_NAME", "bad name;").run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).startsWith("flagon decode: environment variable FLAGON_SESSION_COOKIE_NAME:")
        .hasLineCount(1);
  }
}
