package dev.flagon.redis;

import java.util.Map;
import java.util.Objects;

/**
 * Turns a session's data into the bytes Flask-Session 0.8 stores in Redis and back (its
 * {@code MsgSpecSerializer}): written exactly as {@code msgspec.msgpack.Encoder().encode(dict(session))} (or
 * msgspec's JSON encoder) writes them, read back as Flask-Session reads them: the configured format first,
 * then the other one. Where Flask-Session would then try {@code pickle}, Flagon refuses the entry
 * ({@link PickledSessionException}).
 *
 * <p>How each value type crosses is in docs/redis.md. Decoding is bounded by its input: entries over
 * {@value #MAX_STORED_BYTES} bytes are refused, every value takes at least one input byte, declared sizes
 * are checked against the bytes left, nesting stops at 512 levels. Immutable and thread-safe.
 */
public final class MsgSpecSerializer {
  /** The largest stored entry read or written: 4 MiB, a Flagon limit (a session is usually a few KB). */
  public static final int MAX_STORED_BYTES = 4 * 1024 * 1024;

  private static final int PICKLE_PROTOCOL_2_AND_LATER = 0x80;

  private final SerializationFormat format;

  private MsgSpecSerializer(SerializationFormat format) {
    this.format = format;
  }

  /** The serializer of a {@code SESSION_SERIALIZATION_FORMAT}. */
  public static MsgSpecSerializer of(SerializationFormat format) {
    return new MsgSpecSerializer(Objects.requireNonNull(format, "format"));
  }

  /** The format this serializer writes (and reads first). */
  public SerializationFormat format() {
    return format;
  }

  /**
   * The bytes Flask-Session would store for this session.
   *
   * @param session the session's data, in its iteration order (Python keeps insertion order)
   * @throws SessionDataException if a value cannot be stored (docs/redis.md lists what can), or the result
   *     would exceed {@value #MAX_STORED_BYTES} bytes
   */
  public byte[] encode(Map<String, ?> session) {
    Objects.requireNonNull(session, "session");
    byte[] stored = format == SerializationFormat.MSGPACK ? MsgpackWriter.encode(session) : JsonWriter.encode(session);
    if (stored.length > MAX_STORED_BYTES) {
      throw new SessionDataException("the session needs " + stored.length + " bytes, over Flagon's limit of "
          + MAX_STORED_BYTES);
    }
    return stored;
  }

  /**
   * A stored session's data, as a mutable map in stored order, or null where Flask-Session finds no session
   * (an empty entry, or a stored {@code None}), which then starts a new one.
   *
   * @throws PickledSessionException if the entry is a pickle (Flask-Session before 0.6)
   * @throws SessionDataException if the entry is in neither format, is not a map with string keys, holds
   *     what Python cannot hold (invalid UTF-8, a year beyond 9999), or exceeds a limit
   */
  public Map<String, Object> decode(byte[] stored) {
    Objects.requireNonNull(stored, "stored");
    if (stored.length == 0) {
      return null;
    }
    if (stored.length > MAX_STORED_BYTES) {
      throw new SessionDataException("the stored session has " + stored.length + " bytes, over Flagon's limit of "
          + MAX_STORED_BYTES);
    }
    Object value;
    try {
      value = read(format, stored);
    } catch (NotThisFormat first) {
      try {
        value = read(format == SerializationFormat.MSGPACK ? SerializationFormat.JSON : SerializationFormat.MSGPACK,
            stored);
      } catch (NotThisFormat second) {
        if ((stored[0] & 0xff) == PICKLE_PROTOCOL_2_AND_LATER) {
          throw new PickledSessionException();
        }
        throw new SessionDataException("the stored session is neither msgpack nor JSON (" + first.getMessage() + ")");
      }
    }
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      throw new SessionDataException("the stored session is not a map but " + describe(value));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> session = (Map<String, Object>) value;
    return session;
  }

  private static String describe(Object value) {
    return value instanceof java.util.List ? "a list" : value instanceof String ? "a string"
        : value instanceof Boolean ? "a boolean" : value instanceof Number ? "a number"
        : value instanceof byte[] ? "bytes" : "a datetime";
  }

  private static Object read(SerializationFormat format, byte[] stored) {
    return format == SerializationFormat.MSGPACK ? MsgpackReader.read(stored) : JsonReader.read(stored);
  }
}
