package dev.flagon.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Prints errors without ever quoting an argument: parse errors are described by {@link ParseErrors} from
 * option names alone, since any argument may be a mistyped or misplaced key. No stack traces.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    PrintWriter err = command.getErr();
    err.println(name + ": " + ParseErrors.message(ex));
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return Exit.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    String name = command.getCommandSpec().qualifiedName();
    PrintWriter err = command.getErr();
    if (ex instanceof UsageException) {
      err.println(name + ": " + ex.getMessage());
      err.flush();
      return Exit.USAGE;
    }
    // Core exceptions never carry a key or a cookie, so the class and message are safe and useful.
    err.println(name + ": internal error: " + ex);
    err.flush();
    return Exit.INTERNAL;
  }
}
