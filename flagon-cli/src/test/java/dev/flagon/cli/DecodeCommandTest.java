package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecodeCommandTest {
  static List<Vectors.DumpCase> dumpCases() {
    return Vectors.dumps();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dumpCases")
  void decode_everyDumpCookie_printsItsTaggedJsonWithoutAKey(Vectors.DumpCase c) {
    Cli.Result result = flagon("decode", c.cookie()).run();

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.line()).isEqualTo(c.taggedJson());
  }

  @Test
  void decode_anyCookie_warnsThatNothingWasVerified() {
    Cli.Result result = flagon("decode", Vectors.dump("dump_user_id").cookie()).run();

    assertThat(result.err()).contains("warning", "NOT checked");
  }

  @Test
  void decode_tamperedSignature_stillPrintsThePayload() {
    String tampered = Vectors.loads().stream().filter(c -> c.name().equals("load_tampered_signature"))
        .findFirst().orElseThrow().cookie();

    Cli.Result result = flagon("decode", tampered).run();

    assertThat(result.exit()).isZero();
    assertThat(result.line()).isEqualTo("{\"user_id\":12345}");
  }

  @Test
  void decode_payloadWithOtherLayout_printsFlasksSerialization() {
    String cookie = TestCookies.sign("{ \"b\": 1, \"a\": {\" t\": [1, 2]} }", 1_700_000_000L, "any");

    assertThat(flagon("decode", cookie).run().line()).isEqualTo("{\"a\":{\" t\":[1,2]},\"b\":1}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"u\":{\" u\":\"not-a-uuid\"}}", "{\"a\":", "not json"})
  void decode_payloadNotTaggedJson_exits1(String payload) {
    Cli.Result result = flagon("decode", TestCookies.sign(payload, 1_700_000_000L, "any")).run();

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("cannot decode the cookie: BadPayload");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not-a-session-cookie", "!!!.ZVPxAA.sig", ".bm90IHpsaWI.ZVPxAA.sig"})
  void decode_malformedCookie_exits1(String cookie) {
    Cli.Result result = flagon("decode", "--", cookie).run();

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("cannot decode the cookie");
  }
}
