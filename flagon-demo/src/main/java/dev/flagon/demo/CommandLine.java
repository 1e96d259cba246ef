package dev.flagon.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;

/**
 * The little command-line handling the two main classes share. Errors are one line on stderr and an exit
 * status: 2 for a usage or configuration error, 1 when the port cannot be listened on.
 */
final class CommandLine {
  static final int USAGE = 2;
  static final int CANNOT_LISTEN = 1;

  private CommandLine() {}

  /** What a main does once its server is up; {@code main} waits for it to stop. */
  interface WhileRunning {
    void accept(WebServer server) throws InterruptedException;
  }

  /** The value after option {@code args[index - 1]}. @throws IllegalArgumentException if there is none */
  static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  /** A TCP port, 0 to 65535. @throws IllegalArgumentException otherwise */
  static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("not a port number: " + text);
  }

  /** Prints one error line and gives the status to exit with. */
  static int fail(PrintStream err, int status, String message) {
    err.println(oneLine(message));
    err.flush();
    return status;
  }

  /** The line for a port that cannot be listened on, saying which option picks another. */
  static String cannotListen(int port, IOException e) {
    // Jetty says "Failed to bind to /127.0.0.1:5000"; the reason is its cause's message.
    String reason = e.getCause() instanceof BindException bind && bind.getMessage() != null
        ? bind.getMessage() + " (" + e.getMessage() + ")"
        : e.getMessage();
    return "cannot listen on port " + port + ": " + reason + "; choose another port with --port PORT";
  }

  /** Line breaks and other control characters become spaces: an error is one line. */
  static String oneLine(String message) {
    return String.valueOf(message).replaceAll("[\\p{Cntrl}\\s&&[^ ]]+", " ").strip();
  }
}
