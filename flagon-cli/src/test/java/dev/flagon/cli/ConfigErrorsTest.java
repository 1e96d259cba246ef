package dev.flagon.cli;

import static dev.flagon.cli.Cli.flagon;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configuration error of the CLI (keys, key files, the FLAGON_ variables it reads, input files) is
 * one line on stderr naming what to fix, nothing on stdout, exit status 2: never a stack trace.
 */
class ConfigErrorsTest {
  private static final String COOKIE = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.OXFj-4bNtFUg5hKyPoUGlcdBgyc";

  @TempDir static Path dir;

  record Case(String name, Map<String, String> env, List<String> args, String names) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty-key"), "\n");
    Path huge = Files.write(dir.resolve("huge-key"), new byte[70_000]);
    Map<String, String> key = Map.of("FLAGON_SECRET_KEY", "config-errors-test-key");
    return List.of(
        new Case("no key", Map.of(), List.of("verify", COOKIE), "FLAGON_SECRET_KEY"),
        new Case("key not Unicode", Map.of("FLAGON_SECRET_KEY", "\ud800"), List.of("verify", COOKIE),
            "FLAGON_SECRET_KEY"),
        new Case("unset variable", Map.of(), List.of("verify", "--secret-env", "NOT_SET", COOKIE), "NOT_SET"),
        new Case("missing key file", Map.of(), List.of("verify", "--secret-file", dir.resolve("nope").toString(),
            COOKIE), "no such file"),
        new Case("empty key file", Map.of(), List.of("verify", "--secret-file", empty.toString(), COOKIE),
            "empty key"),
        new Case("huge key file", Map.of(), List.of("verify", "--secret-file", huge.toString(), COOKIE),
            "larger than"),
        new Case("key file is a directory", Map.of(), List.of("verify", "--secret-file", dir.toString(), COOKIE),
            "--secret-file"),
        new Case("bad hex", Map.of(), List.of("verify", "--secret-hex", "abc", COOKIE), "--secret-hex"),
        new Case("two keys", key, List.of("verify", "--secret-hex", "00", "--secret-env", "X", COOKIE),
            "only one of"),
        new Case("bad fallback", key, List.of("verify", "--fallback-env", "NOT_SET", COOKIE), "--fallback-env"),
        new Case("bad lifetime", Map.of("FLAGON_SECRET_KEY", "k", "FLAGON_PERMANENT_SESSION_LIFETIME", "-1"),
            List.of("verify", COOKIE), "FLAGON_PERMANENT_SESSION_LIFETIME"),
        new Case("bad cookie name", Map.of("FLAGON_SESSION_COOKIE_NAME", ""), List.of("decode", "a=b"),
            "decode"),
        new Case("bad cookie name in verify", Map.of("FLAGON_SECRET_KEY", "k", "FLAGON_SESSION_COOKIE_NAME", "x y"),
            List.of("verify", "session=" + COOKIE), "FLAGON_SESSION_COOKIE_NAME"),
        new Case("unknown digest", key, List.of("verify", "--digest", "md5", COOKIE), "--digest"),
        new Case("unknown key derivation", key, List.of("encode", "--json", "{}", "--key-derivation", "x"),
            "--key-derivation"),
        new Case("missing session file", key, List.of("encode", "--json-file", dir.resolve("s.json").toString()),
            "--json-file"),
        new Case("session not JSON", key, List.of("encode", "--json", "{"), "not valid tagged JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void configurationError_isOneLineAndExit2(Case c) {
    Cli.Result result = flagon(c.args().toArray(String[]::new)).env(c.env()).run();

    assertThat(result.exit()).as(result.err()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).as("one line").matches("flagon [a-z]+: [^\\n]+\\n").contains(c.names());
  }
}
