package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyOptionsTest {
  private static final String SESSION = "{\"user_id\":12345}";

  @TempDir Path dir;

  /** The cookie for SESSION at a fixed time, signed with the key these options give. */
  private static Cli.Result encode(String... keyOptions) {
    return flagon("encode", "--timestamp", "1700000000", "--json", SESSION).args(keyOptions).run();
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  @Test
  void secretEnv_textKey_isItsUtf8Bytes() {
    String viaEnv = flagon("encode", "--timestamp", "1700000000", "--json", SESSION, "--secret-env", "K")
        .env("K", "clé ✓").run().line();

    assertThat(encode("--secret-hex", hex("clé ✓")).line()).isEqualTo(viaEnv);
  }

  @ParameterizedTest
  @ValueSource(strings = {"key", "key\n", "key\r\n"})
  void secretFile_oneTrailingNewline_isDropped(String content) throws IOException {
    Path key = file("key", content.getBytes(StandardCharsets.UTF_8));

    assertThat(encode("--secret-file", key.toString()).line()).isEqualTo(encode("--secret-hex", hex("key")).line());
  }

  @Test
  void secretFile_twoTrailingNewlines_keepsOne() throws IOException {
    Path key = file("key", "key\n\n".getBytes(StandardCharsets.UTF_8));

    assertThat(encode("--secret-file", key.toString()).line()).isEqualTo(encode("--secret-hex", hex("key\n")).line());
  }

  @Test
  void secretFile_binaryKey_isUsedAsBytes() throws IOException {
    // Not UTF-8, and a lone "\r" at the end is not a line end, so it stays.
    Path key = file("key.bin", new byte[] {(byte) 0xff, 0x00, (byte) 0x80, 0x0d});

    assertThat(encode("--secret-file", key.toString()).line()).isEqualTo(encode("--secret-hex", "ff00800d").line());
  }

  @Test
  void secretHex_upperCase_isTheSameKey() {
    assertThat(encode("--secret-hex", "C0FFEE").line()).isEqualTo(encode("--secret-hex", "c0ffee").line());
  }

  @Test
  void keyOption_overridesFlagonSecretKey() {
    Cli.Result result = flagon("encode", "--timestamp", "1700000000", "--json", SESSION, "--secret-hex", hex("b"))
        .env("FLAGON_SECRET_KEY", "a").run();

    assertThat(result.line()).isEqualTo(encode("--secret-hex", hex("b")).line());
  }

  @Test
  void secretEnv_unsetOrEmpty_exits2NamingTheVariable() {
    Cli.Result unset = encode("--secret-env", "NOT_SET_ANYWHERE");
    Cli.Result empty = flagon("encode", "--json", SESSION, "--secret-env", "EMPTY").env("EMPTY", "").run();

    assertThat(unset.exit()).isEqualTo(2);
    assertThat(unset.err()).contains("--secret-env", "NOT_SET_ANYWHERE", "not set or empty");
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains("EMPTY");
  }

  @Test
  void secretFile_missingEmptyOrDirectory_exits2NamingThePath() throws IOException {
    Path empty = file("empty", "\n".getBytes(StandardCharsets.UTF_8));

    assertThat(encode("--secret-file", dir.resolve("missing").toString()).err()).contains("no such file", "missing");
    assertThat(encode("--secret-file", empty.toString()).err()).contains("empty key");
    Cli.Result directory = encode("--secret-file", dir.toString());
    assertThat(directory.exit()).isEqualTo(2);
    assertThat(directory.err()).contains("--secret-file", dir.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "zz", "0x00", ""})
  void secretHex_notEvenHex_exits2(String value) {
    Cli.Result result = encode("--secret-hex", value);

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("--secret-hex");
  }

  @Test
  void twoSecretOptions_exits2() {
    Cli.Result result = flagon("encode", "--json", SESSION, "--secret-hex", "00", "--secret-env", "K")
        .env("K", "k").run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("only one of --secret-env, --secret-file and --secret-hex");
  }

  @Test
  void fallbackEnv_unset_exits2() {
    Cli.Result result = encode("--secret-hex", "00", "--fallback-env", "NOT_SET_ANYWHERE");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("--fallback-env", "NOT_SET_ANYWHERE");
  }

  @Test
  void fallbacks_mixedKinds_keepCommandLineOrder() throws IOException {
    String cookieA = encode("--secret-hex", hex("key-a")).line();
    String cookieB = encode("--secret-hex", hex("key-b")).line();
    String cookieC = encode("--secret-hex", hex("key-c")).line();
    Path fileC = file("c", "key-c\n".getBytes(StandardCharsets.UTF_8));
    String[] hexEnvFile = {"--fallback-hex", hex("key-a"), "--fallback-env", "B", "--fallback-file", fileC.toString()};
    String[] fileHexEnv = {"--fallback-file", fileC.toString(), "--fallback-hex", hex("key-a"), "--fallback-env", "B"};

    assertThat(verifiedWith(cookieA, hexEnvFile)).isEqualTo("fallback key 1");
    assertThat(verifiedWith(cookieB, hexEnvFile)).isEqualTo("fallback key 2");
    assertThat(verifiedWith(cookieC, hexEnvFile)).isEqualTo("fallback key 3");
    assertThat(verifiedWith(cookieC, fileHexEnv)).isEqualTo("fallback key 1");
    assertThat(verifiedWith(cookieA, fileHexEnv)).isEqualTo("fallback key 2");
    assertThat(verifiedWith(cookieB, fileHexEnv)).isEqualTo("fallback key 3");
  }

  @Test
  void fallbacks_sameKindInterleaved_keepCommandLineOrder() {
    String cookieB = encode("--secret-hex", hex("key-b")).line();

    assertThat(verifiedWith(cookieB, "--fallback-env", "A", "--fallback-hex", hex("key-b"), "--fallback-env", "C"))
        .isEqualTo("fallback key 2");
    assertThat(verifiedWith(cookieB, "--fallback-env", "A", "--fallback-env", "C", "--fallback-hex", hex("key-b")))
        .isEqualTo("fallback key 3");
  }

  @Test
  void currentKey_isTriedAndNamedFirst() {
    String cookie = encode("--secret-hex", hex("current")).line();

    assertThat(verifiedWith(cookie, "--fallback-hex", hex("current"))).isEqualTo("the current key");
  }

  /** Which key verify (current key "current", env A, B, C = key-a, key-b, key-c) says verified the cookie. */
  private static String verifiedWith(String cookie, String... fallbackOptions) {
    Cli.Result result = flagon("verify", "--now", "1700000000", "--secret-hex", hex("current"))
        .args(fallbackOptions).env("A", "key-a").env("B", "key-b").env("C", "key-c").args(cookie).run();
    assertThat(result.exit()).as(result.err()).isZero();
    return result.out().replaceAll("(?s).*verified with (.*?)( \\(in the order given\\))?\n$", "$1");
  }
}
