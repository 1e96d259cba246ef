package dev.flagon.redis;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Reads MessagePack as msgspec's untyped decoder does: any header form, float32 widened, {@code bin} as
 * bytes, the timestamp extension (-1) as an aware datetime in UTC with nanoseconds rounded to microseconds.
 * Bounded by its input: every value takes at least one input byte, and a declared length or count is
 * checked against the bytes left before anything is allocated for it.
 */
final class MsgpackReader {
  private static final int TIMESTAMP = -1;

  private final byte[] input;
  private final MessageUnpacker in;

  private MsgpackReader(byte[] input) {
    this.input = input;
    this.in = MessagePack.newDefaultUnpacker(input);
  }

  /**
   * The one value in the input.
   *
   * @throws NotThisFormat if the bytes are not MessagePack (msgspec's DecodeError)
   * @throws SessionDataException if they are, but hold what Python or Flagon cannot take
   */
  static Object read(byte[] input) {
    MsgpackReader reader = new MsgpackReader(input);
    try {
      Object value = reader.value(0);
      if (reader.in.hasNext()) {
        throw new NotThisFormat("MessagePack data has trailing bytes");
      }
      return value;
    } catch (MessagePackException | IOException e) {
      throw new NotThisFormat("MessagePack data is malformed or truncated");
    }
  }

  private Object value(int depth) throws IOException {
    if (depth > SessionValueWriter.MAX_DEPTH) {
      throw new SessionDataException("the stored session is nested deeper than " + SessionValueWriter.MAX_DEPTH + " levels");
    }
    MessageFormat format = in.getNextFormat();
    switch (format.getValueType()) {
      case NIL:
        in.unpackNil();
        return null;
      case BOOLEAN:
        return in.unpackBoolean();
      case INTEGER:
        return integer(format);
      case FLOAT:
        return in.unpackDouble();
      case STRING:
        return string(in.unpackRawStringHeader(), "a stored string");
      case BINARY:
        return payload(in.unpackBinaryHeader());
      case ARRAY:
        return array(in.unpackArrayHeader(), depth);
      case MAP:
        return map(in.unpackMapHeader(), depth);
      case EXTENSION:
        return extension(in.unpackExtensionTypeHeader());
      default:
        throw new NotThisFormat("invalid MessagePack opcode");
    }
  }

  private Object integer(MessageFormat format) throws IOException {
    if (format == MessageFormat.UINT64) {
      BigInteger value = in.unpackBigInteger();
      return value.bitLength() < 64 ? narrow(value.longValue()) : value;
    }
    return narrow(in.unpackLong());
  }

  /** Integer when it fits, as core's JSON reader gives (not a ternary: that would unbox both to long). */
  private static Object narrow(long value) {
    if (value == (int) value) {
      return Integer.valueOf((int) value);
    }
    return Long.valueOf(value);
  }

  private List<Object> array(int count, int depth) throws IOException {
    need(count);
    List<Object> list = new ArrayList<>(Math.min(count, 64));
    for (int i = 0; i < count; i++) {
      list.add(value(depth + 1));
    }
    return list;
  }

  private Map<String, Object> map(int count, int depth) throws IOException {
    need(2L * count);
    Map<String, Object> map = new LinkedHashMap<>(Math.min(count, 64) * 2);
    for (int i = 0; i < count; i++) {
      MessageFormat keyFormat = in.getNextFormat();
      if (keyFormat.getValueType() != ValueType.STRING) {
        throw new SessionDataException("the stored session has a map key that is not a string ("
            + keyFormat.getValueType().name().toLowerCase(Locale.ROOT) + "): Java sessions have string keys");
      }
      String key = string(in.unpackRawStringHeader(), "a stored key");
      map.put(key, value(depth + 1)); // a repeated key keeps its first place and its last value, as in Python
    }
    return map;
  }

  private Object extension(ExtensionTypeHeader header) throws IOException {
    if (header.getType() != TIMESTAMP) {
      throw new SessionDataException("the stored session holds a MessagePack extension of type " + header.getType()
          + " (msgspec.msgpack.Ext in Python), which Flagon does not read");
    }
    ByteBuffer data = ByteBuffer.wrap(payload(header.getLength()));
    long seconds;
    long nanos;
    switch (data.remaining()) {
      case 4 -> {
        seconds = Integer.toUnsignedLong(data.getInt());
        nanos = 0;
      }
      case 8 -> {
        long packed = data.getLong();
        nanos = packed >>> 34;
        seconds = packed & 0x3_ffff_ffffL;
      }
      case 12 -> {
        nanos = Integer.toUnsignedLong(data.getInt());
        seconds = data.getLong();
      }
      default -> throw new NotThisFormat("invalid MessagePack timestamp");
    }
    if (nanos > 999_999_999) {
      throw new NotThisFormat("invalid MessagePack timestamp: nanoseconds out of range");
    }
    return PyTime.fromTimestamp(seconds, nanos, "a stored timestamp");
  }

  private String string(int length, String what) throws IOException {
    byte[] utf8 = payload(length);
    return PyText.decode(utf8, 0, utf8.length, what);
  }

  private byte[] payload(int length) throws IOException {
    need(length);
    return in.readPayload(length);
  }

  /** Refuses a declared size larger than the bytes left: nothing is allocated for a lie. */
  private void need(long bytes) {
    if (bytes < 0 || bytes > input.length - in.getTotalReadBytes()) {
      throw new NotThisFormat("MessagePack data is truncated");
    }
  }
}
