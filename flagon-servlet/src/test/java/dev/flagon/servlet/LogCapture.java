package dev.flagon.servlet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what the filter logs: {@code System.Logger} goes to java.util.logging by default, so a handler on
 * the JUL logger sees every line. The logger is held here: JUL keeps only weak references.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();

  /** Captures the filter's logger, {@code dev.flagon.servlet}. */
  LogCapture() {
    this("dev.flagon.servlet");
  }

  /** Captures this logger and its children ({@code dev.flagon} also sees the core's lines). */
  LogCapture(String loggerName) {
    logger = Logger.getLogger(loggerName);
    logger.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    records.add(record);
    notifyAll();
  }

  /**
   * Waits for a message at this level or above that contains the text: the server may log after the client
   * has read the response.
   */
  synchronized String await(Level atLeast, String contains) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      for (String message : messages(atLeast)) {
        if (message.contains(contains)) {
          return message;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("No log line containing '" + contains + "' in " + messages(Level.ALL));
      }
      wait(left / 1_000_000 + 1);
    }
  }

  /** The formatted messages at this level or above. */
  List<String> messages(Level atLeast) {
    return records.stream()
        .filter(r -> r.getLevel().intValue() >= atLeast.intValue())
        .map(formatter::formatMessage)
        .toList();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
