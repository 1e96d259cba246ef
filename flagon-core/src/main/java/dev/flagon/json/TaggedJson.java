package dev.flagon.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Flask's session serializer ({@code TaggedJSONSerializer} with the app JSON provider's defaults):
 * {@link #dumps} gives Flask's exact bytes, {@link #loads} reads as {@code json.loads} and Flask's untagging
 * do, leniency on crafted input included. Immutable and thread-safe.
 *
 * <p>Python ↔ Java: dict ↔ {@link Map}, list ↔ {@link List}, tuple ↔ {@link Tuple}, bytes ↔ {@code byte[]},
 * Markup ↔ {@link Markup}, UUID ↔ {@link UUID}, datetime ↔ {@link java.time.OffsetDateTime}, str ↔
 * {@link String}, bool ↔ {@link Boolean}, None ↔ {@code null}, int ↔ {@link Integer} / {@link Long} /
 * {@link BigInteger} (reading picks the smallest that fits), float ↔ {@link Double}. Writing also takes
 * {@link java.time.Instant}, {@link java.time.ZonedDateTime}, {@link java.time.LocalDateTime} (as UTC),
 * {@link Short}, {@link Byte}, {@link Float}, any {@link CharSequence}, and, as Flask's fallback does,
 * {@link LocalDate} (an HTTP-date string at midnight UTC) and {@link BigDecimal} (its string); map keys
 * that are ints, floats, booleans or null become strings, as in Python. Anything else is refused with a
 * {@link TaggedJsonException}. Reading gives mutable {@link java.util.LinkedHashMap}s and lists, datetimes
 * at the offset the text names (else UTC), and null where Flask gets None.
 * Bounds: 512 levels of nesting, 4300 digits per int (Python's limit), and when reading 1,000,000
 * characters per string and a budget of values ({@link #loads(String, int)}).
 */
public final class TaggedJson {
  private static final TaggedJson STANDARD = new Builder().build();
  private static final int MAX_CAPACITY_HINT = 64 * 1024;

  /** The writing order: {@link BuiltinTag}s and {@link JsonTag}s. Never modified or handed out. */
  final Object[] order;
  /** Flask's tags only: no custom tag can claim a value. */
  final boolean builtinOnly;
  private final Map<String, Object> byKey;
  /** Most one-key objects read have a key ({@code user_id}) longer than any tag key: no hashing for them. */
  private final int longestKey;
  private final DictKeys shapes = new DictKeys();
  /**
   * A little more than a recent text's length, so that a usual session does not grow its buffer. Any value
   * gives the same text: shared unsynchronized, written only when far off (not to bounce between caches).
   */
  private int capacityHint = 128;

  private TaggedJson(List<Object> order, Map<String, Object> byKey) {
    this.order = order.toArray();
    this.builtinOnly = order.stream().allMatch(tag -> tag instanceof BuiltinTag);
    this.byKey = new HashMap<>(byKey);
    this.longestKey = byKey.keySet().stream().mapToInt(String::length).max().orElse(0);
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
    String text = new TaggedWriter(this, shapes, hint).write(value);
    int wanted = Math.min(MAX_CAPACITY_HINT, Math.max(128, text.length() + text.length() / 8 + 16));
    if (wanted > hint || wanted < hint / 2) {
      capacityHint = wanted;
    }
    return text;
  }

  /**
   * Whether {@link #dumps} takes a value of this kind, judged by the value alone (not the items of a
   * list, tuple or map, which may change before writing, nor a map's keys): the types listed above, and
   * values a registered custom tag {@linkplain JsonTag#check checks}. Cheap: a few type tests.
   */
  public boolean canWrite(Object value) {
    return value == null || value instanceof CharSequence || value instanceof Boolean || value instanceof Map
        || value instanceof List || value instanceof byte[] || value instanceof UUID // with Markup, Tuple
        || TaggedWriter.epochSecond(value) != null || value instanceof LocalDate || value instanceof BigDecimal
        || value instanceof BigInteger || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte || value instanceof Double || value instanceof Float
        || Arrays.stream(order).anyMatch(tag -> tag instanceof JsonTag<?> custom && custom.check(value));
  }

  /**
   * Parses and untags JSON text: {@link #loads(String, int)} with the text as its own source.
   *
   * @throws TaggedJsonException if the text is not valid JSON, a tag's value is invalid, or a limit is hit
   */
  public Object loads(String text) {
    return loads(text, Objects.requireNonNull(text, "text").length());
  }

  /**
   * Parses JSON text decoded from a source {@code sourceLength} characters long (a cookie value), within a
   * budget of {@value TaggedReader#BASE_VALUES} values plus {@value TaggedReader#VALUES_PER_SOURCE_CHARACTER}
   * per source character, at most {@value TaggedReader#MAX_VALUES}: one per JSON value, tag result and item
   * of a tuple made of a string or bytes, 21 per datetime and 11 per UUID (about what parsing them allocates).
   * So a small cookie that inflates to a mass of values fails early (a Flagon limit, docs/security.md).
   *
   * @throws TaggedJsonException if the text is not valid JSON, a tag's value is invalid, or a limit is hit
   */
  public Object loads(String text, int sourceLength) {
    Objects.requireNonNull(text, "text");
    long budget = Math.min(TaggedReader.MAX_VALUES, TaggedReader.BASE_VALUES
        + (long) TaggedReader.VALUES_PER_SOURCE_CHARACTER * Math.max(sourceLength, 0));
    return new TaggedReader(this, (int) budget).read(text);
  }

  /** The {@link BuiltinTag} or {@link JsonTag} for a key, or null if the key is not a tag key. */
  Object tagFor(Object key) {
    return key instanceof String s && s.length() <= longestKey ? byKey.get(s) : null;
  }

  /** Builds a {@link TaggedJson} with extra tags. */
  public static final class Builder {
    private final List<Object> order = new ArrayList<>(List.of((Object[]) BuiltinTag.values()));
    private final Map<String, Object> byKey = new HashMap<>();

    private Builder() {
      Arrays.stream(BuiltinTag.values()).filter(tag -> tag.key != null).forEach(tag -> byKey.put(tag.key, tag));
    }

    /** Adds a tag after the existing ones. @throws IllegalArgumentException if its key is taken */
    public Builder register(JsonTag<?> tag) {
      return register(tag, order.size());
    }

    /**
     * Adds a tag at a position in the order tags are tried when writing ({@code 0} = first), as Flask's
     * {@code register(..., index=0)}. @throws IllegalArgumentException if its key is taken, or if the index
     * is outside {@code 0..n}, n the entries so far (Flask's are 8: six tags, two pass-throughs)
     */
    public Builder register(JsonTag<?> tag, int index) {
      Objects.requireNonNull(tag, "tag");
      if (index < 0 || index > order.size()) {
        throw new IllegalArgumentException(
            "tag index " + index + " is outside 0.." + order.size() + " (the current number of tags)");
      } else if (byKey.putIfAbsent(tag.key(), tag) != null) {
        throw new IllegalArgumentException("the tag key '" + tag.key() + "' is already registered");
      }
      order.add(index, tag);
      return this;
    }

    /** The immutable serializer; the builder can go on to build others. */
    public TaggedJson build() {
      return new TaggedJson(order, byKey);
    }
  }
}
