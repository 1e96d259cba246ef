package dev.flagon.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flagon} without a command: the list of commands, as a usage error. */
@Command(name = "flagon", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND", subcommands = HelpCommand.class,
    description = "Create, verify and read Flask (3.1) session cookies.",
    footerHeading = "%nExit status:%n",
    footer = {
        "  0  success",
        "  1  the cookie was rejected (verify), or its payload cannot be read (decode)",
        "  2  usage or configuration error (option, key, file or JSON input)",
        "",
        "Without a key option, SECRET_KEY is read from the environment variable " + KeyOptions.DEFAULT_ENV + "."})
final class RootCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("flagon: missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return Exit.USAGE;
  }
}
