package dev.flagon.cli;

import dev.flagon.codec.Secret;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flagon secret}: a new random key, as hex, for SECRET_KEY. */
@Command(name = "secret", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Print a new random secret key (SecureRandom) as lower-case hex.",
        "Use the printed text itself as the key, as Flask and Flagon servers do: FLAGON_SECRET_KEY=<it>"
            + " (also what encode and verify read by default), or --secret-env NAME. --secret-hex would"
            + " decode the digits to other bytes: a different key."})
final class SecretCommand implements Callable<Integer> {
  static final int MAX_BYTES = 1024;

  private final CliContext context;

  @Option(names = "--bytes", paramLabel = "N", defaultValue = "32",
      description = "Key length in bytes, 1 to " + MAX_BYTES + " (default: ${DEFAULT-VALUE}).")
  private int bytes;

  SecretCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (bytes < 1 || bytes > MAX_BYTES) {
      throw new UsageException("--bytes must be between 1 and " + MAX_BYTES);
    }
    context.out().println(Secret.generateHex(bytes));
    return Exit.OK;
  }
}
