package dev.flagon.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code flagon} command: {@code secret}, {@code encode}, {@code verify} and {@code decode} for Flask
 * session cookies. Exit status: 0 success, 1 the cookie was rejected, 2 a usage or configuration error
 * (70 only for a bug in Flagon). Keys are never printed, not even in error messages.
 */
public final class FlagonCli {
  private FlagonCli() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.in, System.out, System.err));
  }

  /**
   * Runs one command in process.
   *
   * @param env the environment (for {@code FLAGON_SECRET_KEY} and the variables named by options)
   * @return the exit status
   */
  public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    return run(args, new CliContext(env, in, out, err, Clock.systemUTC()));
  }

  static int run(String[] args, CliContext context) {
    return commandLine(context).execute(args);
  }

  /** The whole command line, with its error handling: what a run executes, and what tests inspect. */
  static CommandLine commandLine(CliContext context) {
    ErrorReporter errors = new ErrorReporter();
    CommandLine cli = new CommandLine(new RootCommand())
        .addSubcommand(new SecretCommand(context))
        .addSubcommand(new EncodeCommand(context))
        .addSubcommand(new VerifyCommand(context))
        .addSubcommand(new DecodeCommand(context));
    // Set after adding the subcommands, so that they apply to them too.
    return cli.setExpandAtFiles(false) // "@path" would paste a file (maybe a key file) into the arguments and errors
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(new PrintWriter(context.out(), true))
        .setErr(new PrintWriter(context.err(), true))
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }
}
