package dev.flagon.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A main's {@code run} in process: its exit status, what it printed, and what it printed once running. */
record Launch(int exit, String out, String err) {
  /** Runs a main's {@code run}; a started server is stopped at once, after what it printed is captured. */
  static Launch of(Main main) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = main.run(outStream, errStream, WebServer::close);
    }
    return new Launch(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code DemoApp.run} or {@code ConformanceServer.run} with their arguments bound. */
  interface Main {
    int run(PrintStream out, PrintStream err, CommandLine.WhileRunning whileRunning) throws Exception;
  }
}
