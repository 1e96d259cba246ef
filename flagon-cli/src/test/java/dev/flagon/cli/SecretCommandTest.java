package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretCommandTest {
  @Test
  void secret_noOptions_printsOneLineOf32BytesLowerHex() {
    Cli.Result result = flagon("secret").run();

    assertThat(result.exit()).isZero();
    assertThat(result.line()).matches("[0-9a-f]{64}");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void secret_bytesOption_printsThatManyBytes() {
    assertThat(flagon("secret", "--bytes", "1").run().line()).matches("[0-9a-f]{2}");
    assertThat(flagon("secret", "--bytes=1024").run().line()).matches("[0-9a-f]{2048}");
  }

  @Test
  void secret_twoRuns_differ() {
    assertThat(flagon("secret").run().line()).isNotEqualTo(flagon("secret").run().line());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1025", "2147483647", "abc", ""})
  void secret_badByteCount_exitsWithUsageError(String bytes) {
    Cli.Result result = flagon("secret", "--bytes", bytes).run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("--bytes");
  }
}
