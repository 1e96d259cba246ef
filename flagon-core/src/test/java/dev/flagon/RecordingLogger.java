package dev.flagon;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** A System.Logger that keeps every line, at every level, for assertions. */
final class RecordingLogger implements System.Logger {
  final List<String> lines = new ArrayList<>();

  @Override
  public String getName() {
    return "dev.flagon";
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    lines.add(level + " " + msg + (thrown == null ? "" : " " + thrown));
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    lines.add(level + " " + (params == null ? format : MessageFormat.format(format, params)));
  }
}
