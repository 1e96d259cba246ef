package dev.flagon.redis;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * msgspec's MessagePack, on msgpack-core's packer, which makes the same choices msgspec does: the smallest
 * int, str, bin, array and map header; floats always as float64; an aware datetime as the timestamp
 * extension (type -1) in its 32-, 64- or 96-bit form, the smallest that holds it.
 */
final class MsgpackWriter extends SessionValueWriter {
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final MessageBufferPacker out = MessagePack.newDefaultBufferPacker();

  static byte[] encode(Map<String, ?> session) {
    MsgpackWriter writer = new MsgpackWriter();
    writer.writeSession(session);
    return writer.out.toByteArray();
  }

  @Override
  void nil() throws IOException {
    out.packNil();
  }

  @Override
  void bool(boolean value) throws IOException {
    out.packBoolean(value);
  }

  @Override
  void integer(long value) throws IOException {
    out.packLong(value);
  }

  @Override
  void bigInteger(BigInteger value) throws IOException {
    if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
      throw new SessionDataException(where() + " is an integer outside -2**63 to 2**64-1, which MessagePack"
          + " cannot hold (msgspec refuses it too; SESSION_SERIALIZATION_FORMAT=json stores any size)");
    }
    out.packBigInteger(value);
  }

  @Override
  void float64(double value) throws IOException {
    out.packDouble(value);
  }

  @Override
  void string(String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8); // checked: no lone surrogates
    out.packRawStringHeader(utf8.length).writePayload(utf8);
  }

  @Override
  void bytes(byte[] value) throws IOException {
    out.packBinaryHeader(value.length).writePayload(value);
  }

  @Override
  void awareDateTime(OffsetDateTime value) throws IOException {
    out.packTimestamp(value.toEpochSecond(), value.getNano());
  }

  @Override
  void startMap(int size) throws IOException {
    out.packMapHeader(size);
  }

  @Override
  void key(String key) throws IOException {
    string(key);
  }

  @Override
  void endMap() throws IOException {}

  @Override
  void startArray(int size) throws IOException {
    out.packArrayHeader(size);
  }

  @Override
  void endArray() throws IOException {}
}
