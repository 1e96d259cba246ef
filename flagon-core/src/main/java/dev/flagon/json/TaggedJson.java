package dev.flagon.json;

/**
 * Flask's session serializer ({@code TaggedJSONSerializer} with the app JSON provider's defaults):
 * compact separators, keys sorted by code point, ASCII-only output with lower-case escapes, Python
 * {@code repr} floats, integers of any size. Immutable and thread-safe.
 */
public final class TaggedJson {
  /** The serializer with Flask's tags: {@code " di"}, {@code " t"}, {@code " b"}, {@code " m"}, {@code " u"}, {@code " d"}. */
  public static TaggedJson standard() {
    throw new UnsupportedOperationException("TODO");
  }

  /** A builder that starts with Flask's tags, to which custom tags can be added. */
  public static Builder builder() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The exact JSON text Flask writes for this value.
   *
   * @throws TaggedJsonException if the value (or something inside it) cannot be serialized
   */
  public String dumps(Object value) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Parses JSON text as Python's {@code json.loads} does and untags the result.
   *
   * @throws TaggedJsonException if the text is not valid JSON or a tag's value is invalid
   */
  public Object loads(String text) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Builds a {@link TaggedJson} with extra tags. */
  public static final class Builder {
    /** Adds a tag after the existing ones. @throws IllegalArgumentException if its key is taken */
    public Builder register(JsonTag<?> tag) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * Adds a tag at a position in the order tags are tried when writing ({@code 0} = first, before
     * Flask's own), as Flask's {@code register(..., index=0)}. @throws IllegalArgumentException if its key
     * is taken
     */
    public Builder register(JsonTag<?> tag, int index) {
      throw new UnsupportedOperationException("TODO");
    }

    /** The immutable serializer. */
    public TaggedJson build() {
      throw new UnsupportedOperationException("TODO");
    }
  }
}
