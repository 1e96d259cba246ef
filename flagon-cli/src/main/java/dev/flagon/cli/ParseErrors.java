package dev.flagon.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The message for a command line picocli could not parse, written from what Flagon knows (option names,
 * parameter labels, command names) and never from the arguments: a mistyped option can glue a key to its
 * name ({@code --secret-hexKEY}) or leave it as a stray argument, and picocli's own messages quote both.
 */
final class ParseErrors {
  private ParseErrors() {}

  static String message(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched) {
      return unmatched(unmatched);
    }
    if (ex instanceof MissingParameterException missing) {
      return missing.getMissing().stream().map(ParseErrors::missing).collect(Collectors.joining("; "));
    }
    if (ex instanceof OverwrittenOptionException overwritten) {
      return name(overwritten.getOverwritten()) + " is given more than once";
    }
    ArgSpec arg = ex.getArgSpec();
    if (arg != null) {
      return arg instanceof OptionSpec option && option.arity().max() == 0
          ? option.longestName() + " takes no value"
          : "invalid value for " + name(arg) + ": expected " + arg.paramLabel() + expected(arg)
              + " (the value given is not shown)";
    }
    if (ex.getCommandLine().getCommandSpec().userObject() instanceof CommandLine.HelpCommand
        || ex.getCommandLine().getParent() == null) {
      return unknownCommand(ex.getCommandLine());
    }
    return "invalid command line (details not shown, in case they include a key)";
  }

  private static String unmatched(UnmatchedArgumentException ex) {
    CommandLine command = ex.getCommandLine();
    Set<String> known = knownOptionNames(command);
    List<String> parts = new ArrayList<>();
    int strays = 0;
    for (String arg : ex.getUnmatched()) {
      if (arg.length() > 1 && arg.startsWith("-")) {
        parts.add(unknownOption(arg, known, command.getCommandSpec().qualifiedName()));
      } else {
        strays++;
      }
    }
    if (strays > 0) {
      parts.add(command.getParent() == null && parts.isEmpty()
          ? unknownCommand(command)
          : strays + " unexpected argument" + (strays > 1 ? "s" : "") + " (not shown, in case one is a key)");
    }
    String message = String.join("; ", parts);
    // picocli suggests names of this command's options and subcommands, never the argument itself.
    List<String> suggestions = ex.getSuggestions();
    if (!suggestions.isEmpty()) {
      message += "; did you mean " + String.join(" or ", suggestions) + "?";
    }
    return message;
  }

  /** Names a known option the argument starts with; the rest of the argument may be a key. */
  private static String unknownOption(String arg, Set<String> known, String commandName) {
    String option = null;
    for (String name : known) {
      if (arg.startsWith(name) && (option == null || name.length() > option.length())) {
        option = name;
      }
    }
    if (option == null) {
      return "unknown option (not shown)";
    }
    if (arg.length() == option.length() || arg.charAt(option.length()) == '=') {
      return option + " is not an option of " + commandName;
    }
    return "unknown option: " + option + " followed by other characters (not shown);"
        + " put a space or '=' between an option and its value";
  }

  private static String unknownCommand(CommandLine command) {
    CommandLine root = root(command);
    return "unknown command (not shown); the commands are "
        + String.join(", ", root.getSubcommands().keySet());
  }

  /** Every option name of every command, so that one given to the wrong command is still named. */
  static Set<String> knownOptionNames(CommandLine command) {
    Set<String> names = new TreeSet<>();
    collect(root(command), names);
    return names;
  }

  private static void collect(CommandLine command, Set<String> names) {
    names.addAll(command.getCommandSpec().optionsMap().keySet());
    command.getSubcommands().values().forEach(sub -> collect(sub, names));
  }

  private static CommandLine root(CommandLine command) {
    CommandLine root = command;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root;
  }

  private static String missing(ArgSpec arg) {
    return arg instanceof OptionSpec option
        ? option.longestName() + " needs a value (" + option.paramLabel() + ")"
        : "missing " + arg.paramLabel();
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }

  private static String expected(ArgSpec arg) {
    Class<?> type = arg.type();
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return ", a whole number";
    }
    if (type.isEnum()) {
      List<String> values = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        values.add(constant.toString().toLowerCase(Locale.ROOT));
      }
      return ", one of " + String.join(", ", values);
    }
    return "";
  }
}
