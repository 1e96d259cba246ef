package dev.flagon;

/**
 * A session value that Flask's tagged JSON cannot write (a {@code Set}, a record, a {@code Character}...):
 * thrown by {@link Session#put} and the other writing methods for the value itself, and by
 * {@link Flagon#save} for a value nested inside a list or map. Names where the value is, as a Python
 * subscript path ({@code 'cart'[2]['when']}), and its type; never the value.
 */
public final class UnsupportedValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String keyPath;
  private final String valueType;

  UnsupportedValueException(String keyPath, Class<?> valueType, Throwable cause) {
    super("session value " + keyPath + " is a " + valueType.getName() + "; session values must be String,"
        + " Boolean, Integer, Long, BigInteger, Double, null, List, Map with String keys, Tuple, byte[], Markup,"
        + " UUID, Instant, OffsetDateTime, ZonedDateTime or LocalDateTime (also Short, Byte, Float, BigDecimal,"
        + " LocalDate and other CharSequences), or a type with a JsonTag registered on the configuration's"
        + " TaggedJson", cause);
    this.keyPath = keyPath;
    this.valueType = valueType.getName();
  }

  /** Where the value is: the session key and any indexes or keys inside it, e.g. {@code 'cart'[2]['when']}. */
  public String keyPath() {
    return keyPath;
  }

  /** The value's class name, e.g. {@code java.util.HashSet}. */
  public String valueType() {
    return valueType;
  }
}
