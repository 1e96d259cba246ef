package dev.flagon.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints errors without ever quoting a key. picocli's own messages quote argument values (an unmatched
 * argument, a group conflict), and a mistyped option such as {@code --secret-hx KEY} leaves the key as a
 * stray argument; so stray arguments are never shown, and any message holding the value of a key option
 * is replaced by one that names only the option. No stack traces.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private static final List<String> KEY_OPTIONS = List.of("--secret-hex", "--fallback-hex");

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    PrintWriter err = command.getErr();
    err.println(name + ": " + safeMessage(ex, args));
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

  static String safeMessage(ParameterException ex, String[] args) {
    String message = ex instanceof UnmatchedArgumentException
        ? unmatched((UnmatchedArgumentException) ex)
        : String.valueOf(ex.getMessage());
    for (String key : keyValues(args)) {
      if (!key.isEmpty() && message.contains(key)) {
        String where = ex.getArgSpec() instanceof OptionSpec
            ? " at option " + ((OptionSpec) ex.getArgSpec()).longestName()
            : "";
        return "invalid command line" + where + " (details not shown: they would include a key)";
      }
    }
    return message;
  }

  /** Options are named (up to any "="); other stray arguments are only counted, since one may be a key. */
  private static String unmatched(UnmatchedArgumentException ex) {
    List<String> options = new ArrayList<>();
    int others = 0;
    for (String arg : ex.getUnmatched()) {
      if (arg.startsWith("-") && arg.length() > 1) {
        int equals = arg.indexOf('=');
        options.add("'" + (equals > 0 ? arg.substring(0, equals) : arg) + "'");
      } else {
        others++;
      }
    }
    List<String> parts = new ArrayList<>();
    if (!options.isEmpty()) {
      parts.add("unknown option " + String.join(", ", options));
    }
    if (others > 0) {
      parts.add(ex.getCommandLine().getParent() == null && options.isEmpty()
          ? "unknown command (see the list of commands)"
          : others + " unexpected argument" + (others > 1 ? "s" : "") + " (not shown, in case one is a key)");
    }
    String message = String.join("; ", parts);
    List<String> suggestions = ex.getSuggestions();
    if (!suggestions.isEmpty()) {
      message += "; did you mean " + suggestions.stream().collect(Collectors.joining(" or ")) + "?";
    }
    return message;
  }

  /** The values given to key options, as "--secret-hex V" or "--secret-hex=V". */
  private static List<String> keyValues(String[] args) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      for (String option : KEY_OPTIONS) {
        if (args[i].equals(option) && i + 1 < args.length) {
          values.add(args[i + 1]);
        } else if (args[i].startsWith(option + "=")) {
          values.add(args[i].substring(option.length() + 1));
        }
      }
    }
    return values;
  }
}
