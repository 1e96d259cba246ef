package dev.flagon.demo;

/** The little command-line parsing the two main classes need. */
final class CommandLine {
  private CommandLine() {}

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

  /** Prints a message (to stdout for status 0, else stderr) and exits. */
  static void exit(int status, String message) {
    (status == 0 ? System.out : System.err).println(message);
    System.exit(status);
  }
}
