package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever goes wrong, a key given on the command line never appears in the output. */
class KeyNeverEchoedTest {
  private static final String KEY = "5ec2e7c0ffee5ec2e7c0ffee0123abcd";
  private static final String COOKIE = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.OXFj-4bNtFUg5hKyPoUGlcdBgyc";

  static Stream<Arguments> mistakes() {
    return Stream.<Object>of(
        new String[] {"verify", "--secret-hex", KEY, "--secret-hex", KEY, COOKIE},
        new String[] {"verify", "--secret-hex=" + KEY, "--secret-hex=" + KEY, COOKIE},
        new String[] {"verify", "--secret-hex", KEY, "--secret-env", "K", COOKIE},
        new String[] {"verify", "--secret-hx", KEY, COOKIE},
        new String[] {"verify", "--secret-hx=" + KEY, COOKIE},
        new String[] {"verify", "--secret-hex", "x", KEY, COOKIE},
        new String[] {"verify", "--secret-hex", KEY},
        new String[] {"verify", "--secret-hex", KEY, "--format", "xml", COOKIE},
        new String[] {"verify", "--secret-hex", KEY, "--now", "soon", COOKIE},
        new String[] {"verify", "--secret-hex", KEY + "z", COOKIE},
        new String[] {"verify", "--secret-hex", KEY + "0", COOKIE},
        new String[] {"verify", "--secret-hex", "@" + KEY, COOKIE},
        new String[] {"verify", "--secret-hex", KEY, "not-a-cookie"},
        new String[] {"verify", "--secret-hex", KEY, "--fallback-hex", KEY + "!", COOKIE},
        new String[] {"verify", "--fallback-hex=" + KEY, "--fallback-hex", KEY, "--fallback-hex", COOKIE},
        new String[] {"verify", "--fallback-hex", KEY, "--fallback-env", "--fallback-file", COOKIE},
        new String[] {"encode", "--secret-hex", KEY, "--json", "[1]"},
        new String[] {"encode", "--secret-hex", KEY, "--json", "{", "--timestamp", "-1"},
        new String[] {"encode", "--secret-hex", KEY + "XY", "--json", "{}"},
        new String[] {"decode", "--secret-hex", KEY, COOKIE},
        new String[] {"decode", "--secret-hex=" + KEY, COOKIE},
        new String[] {"secret", "--secret-hex", KEY},
        new String[] {"--secret-hex", KEY, "verify", COOKIE},
        new String[] {KEY}).map(args -> Arguments.of(args));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void anyMistake_withKeyOnCommandLine_neverPrintsTheKey(String[] args) {
    Cli.Result result = flagon(args).env("K", "text-key").run();

    assertThat(result.exit()).as(Arrays.toString(args) + "\n" + result.err()).isIn(1, 2);
    assertThat(result.err()).isNotBlank();
    assertThat(result.out() + result.err()).doesNotContainIgnoringCase(KEY);
  }

  /** The issue's cases: a key glued to an option name, or pasted where a variable name belongs. */
  static Stream<Arguments> keyInTheWrongPlace() {
    return Stream.<Object>of(
        new String[] {"encode", "--secret-hex" + KEY, "--json", "{}"},
        new String[] {"encode", "--secret-hex:" + KEY, "--json", "{}"},
        new String[] {"encode", "--fallback-hex" + KEY, "--secret-hex", "00", "--json", "{}"},
        new String[] {"encode", "--secret-env", "a" + KEY, "--json", "{}"},
        new String[] {"verify", "--secret-env=" + KEY.toUpperCase(java.util.Locale.ROOT), COOKIE},
        new String[] {"verify", "--secret-hex", "00", "--fallback-env", "k" + KEY, COOKIE},
        new String[] {"encode", "--secret-file", "a" + KEY, "--json", "{}"},
        new String[] {"encode", "--secret-hex", "00", "--json-file", "/no-such-dir/a" + KEY},
        new String[] {"verify", "-k", KEY, COOKIE},
        new String[] {"verify", "--now", KEY, COOKIE},
        new String[] {"secret", "--bytes=" + KEY},
        new String[] {"encode", "--secret-hex", "00", "--json", "{}", "--digest", "a" + KEY},
        new String[] {"help", KEY},
        new String[] {"a" + KEY}).map(args -> Arguments.of((Object) args));
  }

  @ParameterizedTest
  @MethodSource("keyInTheWrongPlace")
  void keyInTheWrongPlace_exits2WithoutPrintingIt(String[] args) {
    Cli.Result result = flagon(args).run();

    assertThat(result.exit()).as(Arrays.toString(args) + "\n" + result.err()).isEqualTo(2);
    assertThat(result.out() + result.err()).doesNotContainIgnoringCase(KEY);
  }

  @Test
  void gluedKeyOption_namesTheKnownOptionAndHowToSeparate() {
    Cli.Result result = flagon("encode", "--secret-hex" + KEY, "--json", "{}").run();

    assertThat(result.err()).contains("--secret-hex followed by other characters", "a space or '='");
  }

  @Test
  void optionOfAnotherCommand_isNamed() {
    Cli.Result result = flagon("decode", "--secret-hex=" + KEY, COOKIE).run();

    assertThat(result.err()).contains("--secret-hex is not an option of flagon decode").doesNotContain(KEY);
  }

  @Test
  void secretEnv_keyPastedAsTheName_saysSoWithoutTheKey() {
    Cli.Result result = flagon("encode", "--secret-env", "a" + KEY, "--json", "{}").run();

    assertThat(result.err()).contains("--secret-env", "does not look like a variable name", "not the key");
  }

  @Test
  void secretEnv_plainNames_areStillNamed() {
    for (String name : List.of("MY_KEY", "flask_secret", "KEY_2024", "_K")) {
      assertThat(flagon("encode", "--secret-env", name, "--json", "{}").run().err())
          .contains("environment variable " + name + " is not set");
    }
  }

  @Test
  void picocliMessageQuotingTheValue_isReplacedByOneNamingTheOption() {
    // picocli would say: Invalid value for option '--now': '<the key>' is not a long
    Cli.Result result = flagon("verify", "--secret-hex", KEY, "--now", KEY, COOKIE).run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("invalid value for --now", "EPOCH, a whole number", "not shown")
        .doesNotContain(KEY);
  }
}
