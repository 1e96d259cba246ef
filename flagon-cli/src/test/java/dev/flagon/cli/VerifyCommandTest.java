package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.PlainJson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyCommandTest {
  private static final Vectors.DumpCase USER_ID = Vectors.dump("dump_user_id");
  private static final String KEY = "public-vector-secret-key-1";
  private static final long SIGNED_AT = 1_700_000_000L;
  private static final Set<String> SIGNATURE_ERRORS = Set.of("BadSignature", "BadTimeSignature");

  static List<Vectors.LoadCase> loadCases() {
    return Vectors.loads();
  }

  static List<Vectors.DumpCase> dumpCases() {
    return Vectors.dumps();
  }

  private static Cli verifyJson(Vectors.Keys keys, long now) {
    return flagon("verify", "--format", "json", "--now", Long.toString(now)).args(keys.args()).env(keys.env());
  }

  private static Cli verifyUserId(String... args) {
    return flagon("verify").env("FLAGON_SECRET_KEY", KEY).args(args);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loadCases")
  void verify_everyLoadVector_reportsFlasksVerdict(Vectors.LoadCase c) {
    Cli.Result result = verifyJson(c.keys(), c.now()).args("--max-age", Long.toString(c.maxAge()), "--", c.cookie())
        .run();
    Map<String, Object> report = PlainJson.map(PlainJson.parse(result.line()));

    if (c.pythonQuirk()) {
      // Python's lenient base64 accepts these non-canonical signatures; Flagon's codec rejects them.
      assertThat(result.exit()).isEqualTo(1);
      assertThat(report).containsEntry("ok", false);
      assertThat(report.get("error")).isIn(SIGNATURE_ERRORS);
    } else if (c.error() == null) {
      assertThat(result.exit()).isZero();
      assertThat(report).containsEntry("ok", true)
          .containsEntry("tagged_json", TestCookies.payload(c.cookie()));
    } else {
      assertThat(result.exit()).isEqualTo(1);
      assertThat(report).containsEntry("ok", false).containsEntry("error", c.error());
      assertThat((String) report.get("message")).isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dumpCases")
  void verify_everyDumpCookie_givesBackItsTaggedJsonAndTime(Vectors.DumpCase c) {
    Cli.Result result = verifyJson(c.keys(), c.timestamp()).args(c.cookie()).run();

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(PlainJson.map(PlainJson.parse(result.line()))).containsExactly(
        Map.entry("ok", true), Map.entry("tagged_json", c.taggedJson()), Map.entry("signed_at", c.timestamp()));
  }

  @Test
  void verify_jsonAccepted_hasExactLayout() {
    Cli.Result result = verifyUserId("--format", "json", "--now", "1700000010", USER_ID.cookie()).run();

    assertThat(result.line())
        .isEqualTo("{\"ok\":true,\"tagged_json\":\"{\\\"user_id\\\":12345}\",\"signed_at\":1700000000}");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void verify_jsonRejected_hasExactKeysInOrder() {
    Cli.Result result = verifyUserId("--format", "json", "--now", "1800000000", USER_ID.cookie()).run();

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.line()).startsWith("{\"ok\":false,\"error\":\"SignatureExpired\",\"message\":\"");
    assertThat(PlainJson.map(PlainJson.parse(result.line()))).containsOnlyKeys("ok", "error", "message");
  }

  @Test
  void verify_jsonReport_escapesTheTaggedJsonAsAString() {
    Vectors.DumpCase escapes = Vectors.dump("dump_string_escapes");

    Cli.Result result = verifyJson(escapes.keys(), escapes.timestamp()).args(escapes.cookie()).run();

    assertThat(result.line()).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\uffff]");
    assertThat(PlainJson.map(PlainJson.parse(result.line()))).containsEntry("tagged_json", escapes.taggedJson());
  }

  @Test
  void verify_textFormat_printsSessionThenSigningTime() {
    Cli.Result result = verifyUserId("--now", "1700000010", USER_ID.cookie()).run();

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("{\"user_id\":12345}\n"
        + "signed at 2023-11-14T22:13:20Z (1700000000), verified with the current key\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void verify_textRejected_explainsOnStderrAndExits1() {
    Cli.Result result = verifyUserId("--now", "1800000000", USER_ID.cookie()).run();

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("flagon verify: cookie rejected: SignatureExpired: ");
  }

  @Test
  void verify_defaultMaxAge_is31DaysInclusive() {
    long limit = SIGNED_AT + 2_678_400L;

    assertThat(verifyUserId("--now", Long.toString(limit), USER_ID.cookie()).run().exit()).isZero();
    assertThat(verifyUserId("--now", Long.toString(limit + 1), USER_ID.cookie()).run().err())
        .contains("SignatureExpired");
  }

  @Test
  void verify_maxAgeOption_limitsTheAge() {
    assertThat(verifyUserId("--now", "1700000060", "--max-age", "60", USER_ID.cookie()).run().exit()).isZero();
    assertThat(verifyUserId("--now", "1700000061", "--max-age", "60", USER_ID.cookie()).run().exit()).isEqualTo(1);
  }

  @Test
  void verify_noNow_usesTheClock() {
    String cookie = TestCookies.sign("{\"a\":1}", System.currentTimeMillis() / 1000, KEY);

    assertThat(verifyUserId(cookie).run().exit()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"text\"", "{\" t\":[1]}", "{\"u\":{\" u\":\"not-a-uuid\"}}", "{\"t\":{\" t\":5}}",
      "{\"a\":1"})
  void verify_validlySignedButNotATaggedSession_isBadPayload(String payload) {
    String cookie = TestCookies.sign(payload, SIGNED_AT, KEY);

    Cli.Result result = verifyUserId("--format", "json", "--now", "1700000000", cookie).run();

    assertThat(result.exit()).isEqualTo(1);
    assertThat(PlainJson.map(PlainJson.parse(result.line())))
        .containsEntry("ok", false).containsEntry("error", "BadPayload");
  }

  @Test
  void testCookies_signLikeFlask() {
    assertThat(TestCookies.sign(USER_ID.taggedJson(), SIGNED_AT, KEY)).isEqualTo(USER_ID.cookie());
  }

  @Test
  void verify_noKeyInJsonFormat_exits2WithNothingOnStdout() {
    Cli.Result result = flagon("verify", "--format", "json", USER_ID.cookie()).run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("no secret key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--max-age=-1", "--now=-5", "--now=yesterday", "--format=xml"})
  void verify_badOption_exits2(String option) {
    Cli.Result result = verifyUserId(option, USER_ID.cookie()).run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains(option.substring(0, option.indexOf('=')));
  }

  @Test
  void verify_missingCookie_exits2() {
    Cli.Result result = verifyUserId().run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("COOKIE");
  }
}
