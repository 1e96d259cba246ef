package dev.flagon.redis;

import dev.flagon.json.Markup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one walk over a session's Java values for both of msgspec's formats: it decides how each Java type
 * crosses (as the Python value Flask-Session would hold) and leaves the bytes to a format.
 *
 * <p>A tuple is written as an array, a UUID as its canonical text, Markup as its plain text (msgspec refuses
 * Markup; its text keeps both sides working: see docs/redis.md), a naive datetime, a date and a time as
 * msgspec's ISO text, an aware datetime by {@link #awareDateTime}. Messages name the top-level key only.
 */
abstract class SessionValueWriter {
  /** The nesting bound, as in core's tagged JSON (Python fails near 1000 levels). */
  static final int MAX_DEPTH = 512;

  private String topKey = "";

  /** Writes a whole session: a map with string keys. */
  final void writeSession(Map<String, ?> session) {
    try {
      session(session);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // both formats write to memory
    }
  }

  private void session(Map<String, ?> session) throws IOException {
    int size = session.size();
    int written = 0;
    startMap(size);
    for (Map.Entry<String, ?> entry : session.entrySet()) {
      topKey = "session[" + PyText.describeKey(entry.getKey()) + "]";
      key(checkedKey(entry.getKey()));
      value(entry.getValue(), 1);
      written++;
    }
    checkSize(size, written);
    endMap();
  }

  private void value(Object value, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new SessionDataException(where() + " is nested deeper than " + MAX_DEPTH + " levels (or contains itself)");
    }
    if (value == null) {
      nil();
    } else if (value instanceof String text) {
      string(PyText.checked(text, this::where));
    } else if (value instanceof Boolean flag) {
      bool(flag);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      integer(((Number) value).longValue());
    } else if (value instanceof BigInteger big) {
      bigInteger(big);
    } else if (value instanceof Double || value instanceof Float) {
      float64(((Number) value).doubleValue()); // Python has no float32: widen
    } else if (value instanceof Map<?, ?> map) {
      int size = map.size();
      int written = 0;
      startMap(size);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new SessionDataException(where() + " holds a map with a key that is not a string");
        }
        key(checkedKey(key));
        value(entry.getValue(), depth + 1);
        written++;
      }
      checkSize(size, written);
      endMap();
    } else if (value instanceof List<?> list) { // a Tuple too: msgspec writes tuples as arrays
      int size = list.size();
      int written = 0;
      startArray(size);
      for (Object item : list) {
        value(item, depth + 1);
        written++;
      }
      checkSize(size, written);
      endArray();
    } else if (value instanceof byte[] bytes) {
      bytes(bytes);
    } else if (value instanceof Markup markup) {
      string(PyText.checked(markup.html(), this::where));
    } else if (value instanceof UUID uuid) {
      string(uuid.toString());
    } else if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
      awareDateTime(PyTime.aware(value, where()));
    } else if (value instanceof LocalDateTime time) {
      string(PyTime.naive(time, where()));
    } else if (value instanceof LocalDate date) {
      string(PyTime.date(date, where()));
    } else if (value instanceof LocalTime time) {
      string(PyTime.time(time));
    } else {
      throw new SessionDataException(where() + " is a " + value.getClass().getName()
          + ", which Flask-Session cannot store (docs/redis.md lists the types that cross)");
    }
  }

  /** msgpack writes a container's size first: a map or list that changed meanwhile must not be stored. */
  private void checkSize(int size, int written) {
    if (size != written) {
      throw new SessionDataException(where() + " changed while it was being written");
    }
  }

  private String checkedKey(String key) {
    return PyText.checked(key, this::where);
  }

  /** Where the value being written is, for messages: its top-level key. */
  final String where() {
    return topKey.isEmpty() ? "the session" : topKey;
  }

  abstract void nil() throws IOException;

  abstract void bool(boolean value) throws IOException;

  abstract void integer(long value) throws IOException;

  /** Any BigInteger: the format checks its own range. */
  abstract void bigInteger(BigInteger value) throws IOException;

  abstract void float64(double value) throws IOException;

  abstract void string(String value) throws IOException;

  abstract void bytes(byte[] value) throws IOException;

  abstract void awareDateTime(OffsetDateTime value) throws IOException;

  abstract void startMap(int size) throws IOException;

  abstract void key(String key) throws IOException;

  abstract void endMap() throws IOException;

  abstract void startArray(int size) throws IOException;

  abstract void endArray() throws IOException;
}
