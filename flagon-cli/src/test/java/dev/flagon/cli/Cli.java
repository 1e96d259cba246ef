package dev.flagon.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@link FlagonCli#run} in process with an injected environment and captured streams. */
final class Cli {
  private final Map<String, String> env = new HashMap<>();
  private final List<String> args = new ArrayList<>();
  private byte[] stdin = new byte[0];

  static Cli flagon(String... args) {
    return new Cli().args(args);
  }

  Cli args(String... more) {
    args.addAll(List.of(more));
    return this;
  }

  Cli args(List<String> more) {
    args.addAll(more);
    return this;
  }

  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Cli env(Map<String, String> more) {
    env.putAll(more);
    return this;
  }

  Cli stdin(String text) {
    stdin = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  Cli stdin(byte[] bytes) {
    stdin = bytes.clone();
    return this;
  }

  Result run() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = FlagonCli.run(args.toArray(String[]::new), env, new ByteArrayInputStream(stdin), outStream, errStream);
    }
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** What a run printed, and its exit status. */
  record Result(int exit, String out, String err) {
    /** The single line printed on stdout, without its newline. */
    String line() {
      if (!out.endsWith("\n") || out.indexOf('\n') != out.length() - 1) {
        throw new AssertionError("expected exactly one line on stdout, got: " + out + "\nstderr: " + err);
      }
      return out.substring(0, out.length() - 1);
    }
  }
}
