package dev.flagon.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What a run may touch outside its arguments: environment, standard streams and the clock, injected so
 * that tests run in process. Not a record, because the environment may hold a key and records print
 * their fields.
 */
final class CliContext {
  private final Map<String, String> env;
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  CliContext(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Clock clock) {
    this.env = Map.copyOf(env);
    this.in = in;
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** The variable's value, or null if it is unset or empty (an empty key is never usable). */
  String env(String name) {
    String value = env.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** The variable's value as set, empty included, or null if unset: a server's parser sees it so. */
  String envAsSet(String name) {
    return env.get(name);
  }

  InputStream in() {
    return in;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  long nowEpochSeconds() {
    return clock.instant().getEpochSecond();
  }

  @Override
  public String toString() {
    return "CliContext[" + env.size() + " environment variables]";
  }
}
