package dev.flagon.json;

import java.util.Objects;

/**
 * Carries a non-JSON type through Flask's tagged JSON, like a {@code JSONTag} subclass: a value that
 * {@link #check checks} is written as {@code {key: toJson(value)}} (tagged again, so it may hold tuples,
 * bytes...), and a one-key object with this key is read as {@code fromJson(inner)}. Register it with
 * {@link TaggedJson.Builder#register(JsonTag, int)}.
 *
 * @param <T> the Java type this tag carries
 */
public abstract class JsonTag<T> {
  private final String key;
  private final Class<T> type;

  /**
   * @param key the tag key; Flask's start with a space (for example {@code " m"}) so real keys rarely clash
   * @param type the Java type this tag carries
   */
  protected JsonTag(String key, Class<T> type) {
    this.key = Objects.requireNonNull(key, "key");
    this.type = Objects.requireNonNull(type, "type");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a tag key must not be empty");
    }
  }

  /** The tag key, for example {@code " m"}. */
  public final String key() {
    return key;
  }

  /** Whether this tag handles the value; by default, whether it is an instance of the tag's type. */
  public boolean check(Object value) {
    return type.isInstance(value);
  }

  /** The JSON-able form of the value (tagged again before it is written). */
  public abstract Object toJson(T value);

  /** The value back from its JSON form (already untagged). @throws IllegalArgumentException if invalid */
  public abstract T fromJson(Object json);
}
