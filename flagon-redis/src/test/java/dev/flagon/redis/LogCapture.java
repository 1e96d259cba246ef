package dev.flagon.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The lines logged to {@code dev.flagon.redis} (System.Logger's default backend is java.util.logging). */
final class LogCapture extends Handler implements AutoCloseable {
  private static final Logger LOGGER = Logger.getLogger("dev.flagon.redis");
  private final List<String> lines = new ArrayList<>();
  private final Level previous = LOGGER.getLevel();

  LogCapture() {
    LOGGER.setLevel(Level.ALL);
    LOGGER.addHandler(this);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  synchronized List<String> lines(Level atLeast) {
    return lines.stream().filter(l -> Level.parse(l.substring(0, l.indexOf(' '))).intValue() >= atLeast.intValue())
        .toList();
  }

  @Override
  public synchronized void publish(LogRecord record) {
    String message = record.getParameters() == null ? record.getMessage()
        : java.text.MessageFormat.format(record.getMessage(), record.getParameters());
    lines.add(record.getLevel().getName() + " " + message);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    LOGGER.removeHandler(this);
    LOGGER.setLevel(previous);
  }
}
