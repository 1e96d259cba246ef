package dev.flagon.javalin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what a logger and its children log. {@code System.Logger} goes to java.util.logging when no other
 * backend is installed, as in these tests.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture(String name) {
    this.logger = Logger.getLogger(name);
    setLevel(Level.ALL);
    logger.addHandler(this);
  }

  /** Starts capturing the named logger and its children. */
  static LogCapture of(String name) {
    return new LogCapture(name);
  }

  /** The formatted messages logged at this level or above, in order. */
  List<String> messages(Level atLeast) {
    return records.stream()
        .filter(record -> record.getLevel().intValue() >= atLeast.intValue())
        .map(record -> new java.util.logging.SimpleFormatter().formatMessage(record))
        .toList();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
