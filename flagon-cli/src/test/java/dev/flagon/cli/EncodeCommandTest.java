package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.PlainJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EncodeCommandTest {
  private static final Vectors.DumpCase USER_ID = Vectors.dump("dump_user_id");

  static List<Vectors.DumpCase> dumpCases() {
    return Vectors.dumps();
  }

  /** encode with the case's keys, signing and timestamp. */
  private static Cli encode(Vectors.DumpCase c) {
    return flagon("encode").args(c.keys().args()).env(c.keys().env())
        .args("--timestamp", Long.toString(c.timestamp()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dumpCases")
  void encode_everyDumpVector_printsFlasksCookie(Vectors.DumpCase c) {
    Cli.Result result = encode(c).args("--json", c.taggedJson()).run();

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.line()).isEqualTo(c.cookie());
  }

  @Test
  void encode_emptySession_printsCookieAndNotesFlaskWouldNotSetIt() {
    Vectors.DumpCase empty = Vectors.dump("dump_empty_session");

    Cli.Result result = encode(empty).args("--json", "{}").run();

    assertThat(result.line()).isEqualTo(empty.cookie());
    assertThat(result.err()).contains("Flask never sets a cookie for an empty session");
  }

  @Test
  void encode_jsonOnStdin_printsSameCookie() {
    Cli.Result result = encode(USER_ID).stdin(USER_ID.taggedJson() + "\n").run();

    assertThat(result.line()).isEqualTo(USER_ID.cookie());
  }

  @Test
  void encode_jsonFile_printsSameCookie(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("session.json"), USER_ID.taggedJson());

    Cli.Result result = encode(USER_ID).args("--json-file", file.toString()).run();

    assertThat(result.line()).isEqualTo(USER_ID.cookie());
  }

  @Test
  void encode_keyOrderSpacingAndEscapingDiffer_printsSameCookie() {
    Vectors.DumpCase sorting = Vectors.dump("dump_key_sorting");
    String scrambled = "{ \"b\" : 1, \"é\": 6,\n \"A\": {\"z\": 1, \"y\": 2}, \"aa\": 5,"
        + " \"_\": 4, \"\\u0061\": 2, \"B\": 3 }";

    Cli.Result result = encode(sorting).args("--json", scrambled).run();

    assertThat(result.line()).isEqualTo(sorting.cookie());
  }

  @Test
  void encode_taggedInputWithOtherLayout_printsSameCookie() {
    Vectors.DumpCase tuple = Vectors.dump("dump_tag_tuple");
    String relaid = "{\"point\": {\" t\": [1, 2]}, \"nested\": {\" t\": [1, {\" t\": [2, 3]}, [4, {\" t\": [5]}]]},"
        + " \"empty\": {\" t\": []}}";

    Cli.Result result = encode(tuple).args("--json", relaid).run();

    assertThat(result.line()).isEqualTo(tuple.cookie());
  }

  @Test
  void encode_noTimestamp_signsAtNow() {
    long before = System.currentTimeMillis() / 1000;
    String cookie = flagon("encode", "--json", "{\"a\":1}").env("FLAGON_SECRET_KEY", "k").run().line();
    // verify reports the signing time.
    String signedAt = flagon("verify", "--format", "json", cookie).env("FLAGON_SECRET_KEY", "k").run().line();

    long seconds = ((Number) PlainJson.map(PlainJson.parse(signedAt)).get("signed_at")).longValue();
    assertThat(seconds).isBetween(before, System.currentTimeMillis() / 1000);
  }

  @Test
  void encode_flagonSecretKeyInEnvironment_isTheDefaultKey() {
    Cli.Result result = flagon("encode", "--timestamp", "1700000000", "--json", USER_ID.taggedJson())
        .env("FLAGON_SECRET_KEY", "public-vector-secret-key-1").run();

    assertThat(result.line()).isEqualTo(USER_ID.cookie());
  }

  @Test
  void encode_noKey_exitsWithUsageErrorNamingTheOptions() {
    Cli.Result result = flagon("encode", "--json", "{}").env("FLAGON_SECRET_KEY", "").run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("no secret key", "--secret-env", "--secret-file", "--secret-hex",
        "FLAGON_SECRET_KEY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"session\"", "42", "null", "true", "{\" t\": [1, 2]}", "{\" b\": \"AA==\"}"})
  void encode_jsonIsNotAnObject_exitsWithUsageError(String json) {
    Cli.Result result = encode(USER_ID).args("--json", json).run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("expected a JSON object (a session), got ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{'a': 1}", "{\"a\": 1} x", "{\"u\": {\" u\": \"not-a-uuid\"}}"})
  void encode_invalidTaggedJson_exitsWithUsageError(String json) {
    Cli.Result result = encode(USER_ID).args("--json", json).run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("not valid tagged JSON");
  }

  @Test
  void encode_stdinNotUtf8_exitsWithUsageError() {
    byte[] latin1 = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    Cli.Result result = encode(USER_ID).stdin(latin1).run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("not valid UTF-8");
  }

  @Test
  void encode_jsonAndJsonFile_exitsWithUsageError() {
    Cli.Result result = encode(USER_ID).args("--json", "{}", "--json-file", "session.json").run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("--json or --json-file, not both");
  }

  @Test
  void encode_missingJsonFile_exitsWithUsageErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");

    Cli.Result result = encode(USER_ID).args("--json-file", missing.toString()).run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("--json-file", missing.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "253402300800", "soon"})
  void encode_timestampOutOfRange_exitsWithUsageError(String timestamp) {
    Cli.Result result = flagon("encode", "--json", "{}", "--timestamp", timestamp)
        .env("FLAGON_SECRET_KEY", "k").run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("--timestamp");
  }

  @Test
  void encode_unknownDigest_exitsWithUsageErrorListingChoices() {
    Cli.Result result = flagon("encode", "--json", "{}", "--digest", "md5").env("FLAGON_SECRET_KEY", "k").run();

    assertThat(result.exit()).isEqualTo(2);
    // The value is not repeated: an option's value may be a misplaced key.
    assertThat(result.err()).contains("--digest", "sha1, sha256, sha384, sha512").doesNotContain("md5");
  }
}
