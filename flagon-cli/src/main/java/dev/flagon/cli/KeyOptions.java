package dev.flagon.cli;

import dev.flagon.codec.Secret;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The key options shared by encode and verify: {@code SECRET_KEY} from one of three places, and
 * {@code SECRET_KEY_FALLBACKS} from any mix of them, in command-line order.
 */
final class KeyOptions {
  static final String DEFAULT_ENV = "FLAGON_SECRET_KEY";

  // Three plain options rather than an exclusive group: picocli's group errors quote the values.
  @Option(names = "--secret-env", paramLabel = "NAME",
      description = "Read SECRET_KEY (text, UTF-8) from this environment variable.")
  private String secretEnv;

  @Option(names = "--secret-file", paramLabel = "PATH",
      description = "Read SECRET_KEY (bytes) from this file; one trailing newline is dropped.")
  private String secretFile;

  @Option(names = "--secret-hex", paramLabel = "HEX", description = {
      "SECRET_KEY as bytes written in hex, decoded: not for the text ./flagon secret prints, which servers"
          + " use as text (its characters); give that with --secret-env."})
  private String secretHex;

  // A repeating exclusive group keeps the order across the three kinds: one instance per option given.
  @ArgGroup(exclusive = true, multiplicity = "0..*",
      heading = "%nSECRET_KEY_FALLBACKS, oldest first (repeatable, order kept):%n")
  private List<Fallback> fallbacks = new ArrayList<>();

  static final class Fallback {
    @Option(names = "--fallback-env", paramLabel = "NAME",
        description = "A fallback key (text, UTF-8) from this environment variable.")
    private String env;

    @Option(names = "--fallback-file", paramLabel = "PATH",
        description = "A fallback key (bytes) from this file; one trailing newline is dropped.")
    private String file;

    @Option(names = "--fallback-hex", paramLabel = "HEX",
        description = "A fallback key as bytes written in hex, decoded (see --secret-hex).")
    private String hex;

    KeySource source() {
      if (env != null) {
        return KeySource.env("--fallback-env", env);
      }
      return file != null ? KeySource.file("--fallback-file", file) : KeySource.hex("--fallback-hex", hex);
    }
  }

  /** SECRET_KEY: from the one key option given, else from FLAGON_SECRET_KEY. */
  Secret current(CliContext context) {
    return currentSource(context).read(context);
  }

  /** SECRET_KEY_FALLBACKS, in the order given. */
  List<Secret> fallbacks(CliContext context) {
    List<Secret> keys = new ArrayList<>();
    for (KeySource source : fallbackSources()) {
      keys.add(source.read(context));
    }
    return keys;
  }

  /** Where SECRET_KEY comes from: the one key option given, else FLAGON_SECRET_KEY. */
  private KeySource currentSource(CliContext context) {
    List<KeySource> given = new ArrayList<>();
    if (secretEnv != null) {
      given.add(KeySource.env("--secret-env", secretEnv));
    }
    if (secretFile != null) {
      given.add(KeySource.file("--secret-file", secretFile));
    }
    if (secretHex != null) {
      given.add(KeySource.hex("--secret-hex", secretHex));
    }
    if (given.size() > 1) {
      throw new UsageException("give only one of --secret-env, --secret-file and --secret-hex");
    }
    if (given.isEmpty()) {
      if (context.env(DEFAULT_ENV) == null) {
        throw new UsageException("no secret key: give --secret-env NAME, --secret-file PATH or --secret-hex HEX,"
            + " or set " + DEFAULT_ENV);
      }
      given.add(KeySource.env(DEFAULT_ENV, DEFAULT_ENV));
    }
    return given.get(0);
  }

  /** Where SECRET_KEY comes from, then where each fallback does, in the order given. */
  List<KeySource> sources(CliContext context) {
    List<KeySource> sources = new ArrayList<>();
    sources.add(currentSource(context));
    sources.addAll(fallbackSources());
    return sources;
  }

  /** Where SECRET_KEY_FALLBACKS come from, in the order given. */
  private List<KeySource> fallbackSources() {
    List<KeySource> sources = new ArrayList<>();
    for (Fallback fallback : fallbacks) {
      sources.add(fallback.source());
    }
    return sources;
  }
}
