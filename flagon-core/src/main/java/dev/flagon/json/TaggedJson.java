package dev.flagon.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Flask's session serializer ({@code TaggedJSONSerializer} with the app JSON provider's defaults):
 * compact separators, keys sorted by code point, ASCII-only output with lower-case escapes, Python
 * {@code repr} floats, integers of any size. Immutable and thread-safe.
 *
 * <p>{@link #dumps} produces Flask's exact bytes; {@link #loads} reads as Python's {@code json.loads} and
 * Flask's untagging do, including their leniency on crafted input. The Java types are listed in the
 * {@linkplain dev.flagon.json package description}. Bounds on both sides: 512 levels of JSON nesting, 4300
 * digits per integer (Python's own limit); when reading, 1,000,000 characters per string or key and a
 * budget of values ({@link #loads(String, int)}).
 */
public final class TaggedJson {
  private static final TaggedJson STANDARD = new TaggedJson(TagRegistry.standard());

  private final TagRegistry tags;
  private final KeyShapes shapes = new KeyShapes();
  /**
   * The buffer size for {@link #dumps}: a little more than a recent text, so that writing a session of the
   * usual size does not grow and copy its buffer. Not observable state: any value gives the same text, so
   * it is read and written without synchronization, and written only when it is far off (a field that
   * every call wrote would bounce between the cores' caches).
   */
  private int capacityHint = 128;

  private TaggedJson(TagRegistry tags) {
    this.tags = tags;
  }

  /** The serializer with Flask's tags: {@code " di"}, {@code " t"}, {@code " b"}, {@code " m"}, {@code " u"}, {@code " d"}. */
  public static TaggedJson standard() {
    return STANDARD;
  }

  /** A builder that starts with Flask's tags, to which custom tags can be added. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The exact JSON text Flask writes for this value.
   *
   * @throws TaggedJsonException if the value (or something inside it) cannot be serialized
   */
  public String dumps(Object value) {
    int hint = capacityHint;
    String text = new TaggedWriter(tags, shapes, hint).write(value);
    int wanted = Math.min(MAX_CAPACITY_HINT, Math.max(128, text.length() + text.length() / 8 + 16));
    if (wanted > hint || wanted < hint / 2) {
      capacityHint = wanted;
    }
    return text;
  }

  private static final int MAX_CAPACITY_HINT = 64 * 1024;

  /**
   * Whether {@link #dumps} takes a value of this kind, judged by the value alone: the items of a list,
   * tuple or map are not looked at (they may change before writing), nor a map's keys. True for the types
   * in the {@linkplain dev.flagon.json package description} and for values a registered custom tag
   * {@linkplain JsonTag#check checks}. Cheap: a few type tests, and each custom tag's check.
   */
  public boolean canWrite(Object value) {
    if (value == null || value instanceof CharSequence || value instanceof Boolean || value instanceof Map
        || value instanceof List || value instanceof byte[] || value instanceof UUID
        || PyDateTime.isDateTime(value) || value instanceof LocalDate || value instanceof BigDecimal
        || value instanceof BigInteger || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte || value instanceof Double || value instanceof Float) {
      return true; // CharSequence covers Markup, List covers Tuple
    }
    for (Object tag : tags.order()) {
      if (tag instanceof JsonTag<?> custom && custom.check(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses JSON text as Python's {@code json.loads} does and untags the result: {@link #loads(String, int)}
   * with the text as its own source, so only the total bound on values applies.
   *
   * @throws TaggedJsonException if the text is not valid JSON, a tag's value is invalid, or a limit is hit
   */
  public Object loads(String text) {
    return loads(text, Objects.requireNonNull(text, "text").length());
  }

  /**
   * Parses JSON text decoded from a source {@code sourceLength} characters long (a cookie value), within a
   * budget of values proportional to that source: {@value TaggedReader#BASE_VALUES} plus
   * {@value TaggedReader#VALUES_PER_SOURCE_CHARACTER} per character of the source, and at most
   * {@value TaggedReader#MAX_VALUES} in all. Each JSON value costs one, as do each tag's result and each item
   * of a tuple made of a string's characters or of bytes; a datetime costs 21 and a UUID 11, as parsing them
   * allocates about as much. So a small compressed cookie that inflates to a mass of empty containers or
   * one-character strings fails early, in bounded memory, instead of building them (Flagon limits,
   * docs/security.md; Python has none).
   *
   * @throws TaggedJsonException if the text is not valid JSON, a tag's value is invalid, or a limit is hit
   */
  public Object loads(String text, int sourceLength) {
    Objects.requireNonNull(text, "text");
    long budget = Math.min(TaggedReader.MAX_VALUES, TaggedReader.BASE_VALUES
        + (long) TaggedReader.VALUES_PER_SOURCE_CHARACTER * Math.max(sourceLength, 0));
    return new TaggedReader(tags, (int) budget).read(text);
  }

  /** Builds a {@link TaggedJson} with extra tags. */
  public static final class Builder {
    private final TagRegistry.Draft draft = new TagRegistry.Draft();

    private Builder() {}

    /** Adds a tag after the existing ones. @throws IllegalArgumentException if its key is taken */
    public Builder register(JsonTag<?> tag) {
      return register(tag, draft.size());
    }

    /**
     * Adds a tag at a position in the order tags are tried when writing ({@code 0} = first, before
     * Flask's own), as Flask's {@code register(..., index=0)}. @throws IllegalArgumentException if its key
     * is taken, or if the index is outside {@code 0..n} where {@code n} is the number of entries so far
     * (Flask's order list has 8: its six tags and two pass-through entries for dicts and lists)
     */
    public Builder register(JsonTag<?> tag, int index) {
      draft.add(Objects.requireNonNull(tag, "tag"), index);
      return this;
    }

    /** The immutable serializer; the builder can go on to build others. */
    public TaggedJson build() {
      return new TaggedJson(draft.freeze());
    }
  }
}
