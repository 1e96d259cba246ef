package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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

  @Test
  void picocliMessageQuotingTheKey_isReplacedByOneNamingTheOption() {
    // picocli would say: Invalid value for option '--now': '<the key>' is not a long
    Cli.Result result = flagon("verify", "--secret-hex", KEY, "--now", KEY, COOKIE).run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("invalid command line at option --now", "details not shown")
        .doesNotContain(KEY);
  }
}
