package dev.flagon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.testing.Subprocess;
import dev.flagon.testing.Subprocess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./flagon} launcher as a subprocess, after {@code package} built the shaded jar: every
 * command, exit statuses, clean stdout, any working directory, memory bounded by the decoding limits; and,
 * with a stand-in {@code mvn}, the build it runs when the jar is missing.
 */
class LauncherIT {
  private static final Path REPO = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
  private static final Path JAR = REPO.resolve("flagon-cli/target/flagon-cli.jar");
  private static final Vectors.DumpCase USER_ID = Vectors.dump("dump_user_id");
  private static final String KEY = "public-vector-secret-key-1";

  @TempDir Path tmp;

  @BeforeAll
  static void jarWasPackaged() {
    assertThat(REPO.resolve("flagon")).isExecutable();
    assertThat(JAR).as("run after the package phase (mvn verify)").isRegularFile();
  }

  private Result run(Path cwd, Path script, Map<String, String> env, String stdin, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.environment().remove("FLAGON_SECRET_KEY");
    builder.environment().putAll(env);
    Result run = Subprocess.run(script.toString(), builder, stdin, Duration.ofSeconds(120));
    assertThat(run.finished()).as("flagon finished").isTrue();
    return run;
  }

  private Result flagon(Map<String, String> env, String... args) throws IOException {
    return run(REPO, Path.of("./flagon"), env, "", args);
  }

  @Test
  void launcher_secret_printsOneHexLine() throws Exception {
    Result run = flagon(Map.of(), "secret");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).matches("[0-9a-f]{64}\n");
  }

  @Test
  void launcher_encodeVerifyDecode_matchFlasksVectors() throws Exception {
    Map<String, String> env = Map.of("FLAGON_SECRET_KEY", KEY);

    Result encode = flagon(env, "encode", "--timestamp", "1700000000", "--json", "{ \"user_id\" : 12345 }");
    Result verify = flagon(env, "verify", "--format", "json", "--now", "1700000010", USER_ID.cookie());
    Result decode = flagon(Map.of(), "decode", USER_ID.cookie());

    assertThat(encode.exit()).as(encode.err()).isZero();
    assertThat(encode.out()).isEqualTo(USER_ID.cookie() + "\n");
    assertThat(verify.exit()).isZero();
    assertThat(verify.out())
        .isEqualTo("{\"ok\":true,\"tagged_json\":\"{\\\"user_id\\\":12345}\",\"signed_at\":1700000000}\n");
    assertThat(decode.exit()).isZero();
    assertThat(decode.out()).isEqualTo(USER_ID.taggedJson() + "\n");
    assertThat(decode.err()).contains("NOT checked");
  }

  @Test
  void launcher_encodeFromStdin_printsCookie() throws Exception {
    Result run = run(REPO, Path.of("./flagon"), Map.of("K", KEY), USER_ID.taggedJson(),
        "encode", "--secret-env", "K", "--timestamp", "1700000000");

    assertThat(run.out()).isEqualTo(USER_ID.cookie() + "\n");
  }

  @Test
  void launcher_rejectedCookie_exits1() throws Exception {
    Result wrongKey = flagon(Map.of("FLAGON_SECRET_KEY", "another-key"), "verify", "--format", "json",
        "--now", "1700000010", USER_ID.cookie());
    Result garbage = flagon(Map.of(), "decode", "not-a-session-cookie");

    assertThat(wrongKey.exit()).isEqualTo(1);
    assertThat(wrongKey.out()).startsWith("{\"ok\":false,\"error\":\"BadTimeSignature\",\"message\":");
    assertThat(garbage.exit()).isEqualTo(1);
    assertThat(garbage.out()).isEmpty();
  }

  /**
   * Issue 11: cookies of about a kilobyte that inflate to a million or half a million one-character strings
   * or to empty dicts (validly signed, for verify), under the heap of a small container: refused with a clean
   * message naming the limit, never an OutOfMemoryError; and the largest payload the limits allow prints.
   */
  @Test
  void launcher_cookiesThatInflateToMassesOfValues_areRefusedCleanlyIn48MiB() throws Exception {
    Map<String, String> env = Map.of("FLAGON_SECRET_KEY", KEY, "JAVA_TOOL_OPTIONS", "-Xmx48m");
    for (String json : List.of("{\"a\":{\" t\":\"" + "x".repeat(1_000_000) + "\"}}",
        "{\"a\":{\" t\":\"" + "x".repeat(500_000) + "\"}}", "{\"a\":[" + "{},".repeat(170_000) + "{}]}")) {
      String cookie = TestCookies.signCompressed(json, 1_700_000_000L, KEY);
      assertThat(cookie.length()).isLessThan(2048);

      Result decode = flagon(env, "decode", cookie);
      Result verify = flagon(env, "verify", "--now", "1700000010", cookie);

      for (Result run : List.of(decode, verify)) {
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("BadPayload", "a Flagon limit").doesNotContain("OutOfMemoryError", "xxx");
        assertThat(run.out()).isEmpty();
      }
    }
  }

  /** 32,004 values and 500 KB of JSON, in a cookie long enough for them (random text does not compress). */
  @Test
  void launcher_largestAllowedPayload_printsIn48MiB() throws Exception {
    Map<String, String> env = Map.of("FLAGON_SECRET_KEY", KEY, "JAVA_TOOL_OPTIONS", "-Xmx48m");
    StringBuilder random = new StringBuilder();
    new Random(1).ints(4_000, 'a', 'z' + 1).forEach(c -> random.append((char) c));
    String json = "{\"a\":[" + "\"\",".repeat(32_000) + "\"" + random + "\",\"" + "x".repeat(380_000) + "\"]}";
    String cookie = TestCookies.signCompressed(json, 1_700_000_000L, KEY);
    assertThat(cookie.length()).isBetween(3_000, Flagon.MAX_COOKIE_VALUE_LENGTH);

    Result decode = flagon(env, "decode", cookie);
    Result verify = flagon(env, "verify", "--now", "1700000010", cookie);

    assertThat(decode.exit()).as(decode.err()).isZero();
    assertThat(decode.out()).isEqualTo(json + "\n");
    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(verify.out()).startsWith(json + "\n");
  }

  @Test
  void launcher_usageErrors_exit2WithCleanStdout() throws Exception {
    Result noKey = flagon(Map.of(), "verify", USER_ID.cookie());
    Result badOption = flagon(Map.of(), "secret", "--bytes", "0");
    Result noCommand = flagon(Map.of());

    for (Result run : List.of(noKey, badOption, noCommand)) {
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isNotBlank();
    }
  }

  @Test
  void launcher_fromAnotherDirectory_keepsRelativePathsRelativeToIt() throws Exception {
    Files.writeString(tmp.resolve("session.json"), USER_ID.taggedJson());
    Files.writeString(tmp.resolve("key.txt"), KEY + "\n");

    Result run = run(tmp, REPO.resolve("flagon"), Map.of(), "",
        "encode", "--secret-file", "key.txt", "--json-file", "session.json", "--timestamp", "1700000000");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(USER_ID.cookie() + "\n");
  }

  @Test
  void launcher_throughASymlink_findsTheRepository() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("flagon"), REPO.resolve("flagon"));

    Result run = run(tmp, link, Map.of(), "", "secret", "--bytes", "4");
    Files.delete(link); // JUnit warns when its cleanup meets a link leading out of the temp dir

    assertThat(run.out()).matches("[0-9a-f]{8}\n");
  }

  @Test
  void launcher_jarMissing_buildsWithMavenFromTheRootAndKeepsStdoutClean() throws Exception {
    Path fakeRepo = repoWithoutJar();
    Path log = tmp.resolve("mvn.log");
    Path bin = fakeMaven("echo \"$PWD|$*\" > '" + log + "'\n"
        + "echo 'maven noise on stdout'\n"
        + "mkdir -p flagon-cli/target && cp '" + JAR + "' flagon-cli/target/flagon-cli.jar\n");

    Result run = run(tmp, fakeRepo.resolve("flagon"), Map.of("PATH", bin + ":" + System.getenv("PATH")), "",
        "secret");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).matches("[0-9a-f]{64}\n");
    assertThat(run.err()).contains("building", "maven noise on stdout");
    assertThat(Files.readString(log).trim())
        .isEqualTo(fakeRepo.toRealPath() + "|-q -B -DskipTests -pl flagon-cli -am package");
  }

  @Test
  void launcher_buildFails_exits2() throws Exception {
    Path fakeRepo = repoWithoutJar();
    Path bin = fakeMaven("echo 'BUILD FAILURE'\nexit 1\n");

    Result run = run(tmp, fakeRepo.resolve("flagon"), Map.of("PATH", bin + ":" + System.getenv("PATH")), "",
        "secret");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("BUILD FAILURE", "the build failed");
  }

  /** A copy of the launcher in a folder without the jar. */
  private Path repoWithoutJar() throws IOException {
    Path fakeRepo = Files.createDirectories(tmp.resolve("repo"));
    Path launcher = Files.copy(REPO.resolve("flagon"), fakeRepo.resolve("flagon"));
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return fakeRepo;
  }

  /** A folder holding an executable "mvn" with this body, to put first on the PATH. */
  private Path fakeMaven(String body) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path mvn = Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }
}
