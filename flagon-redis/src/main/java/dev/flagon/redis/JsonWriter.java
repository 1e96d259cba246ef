package dev.flagon.redis;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

/**
 * msgspec's JSON, on jackson-core's generator: compact; strings in raw UTF-8 with only {@code "}, {@code \}
 * and control characters escaped ({@code \b \t \n \f \r}, else a six-character escape in lower-case hex, as
 * jackson does with upper-case hex turned off); floats by {@link MsgspecFloat}, NaN and infinities as
 * {@code null}; integers of any size up to Python's 4300 digits; bytes as padded base64; an aware datetime
 * as RFC 3339 text.
 */
final class JsonWriter extends SessionValueWriter {
  /** Python's default {@code sys.get_int_max_str_digits()}: msgspec cannot write a longer integer. */
  static final int MAX_INT_DIGITS = 4300;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8) // astral characters as 4 UTF-8 bytes
      .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();

  private final JsonGenerator out;

  private JsonWriter(JsonGenerator out) {
    this.out = out;
  }

  static byte[] encode(Map<String, ?> session) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      new JsonWriter(generator).writeSession(session);
    } catch (IOException e) {
      throw new SessionDataException("the session could not be written as JSON", e);
    }
    return bytes.toByteArray();
  }

  @Override
  void nil() throws IOException {
    out.writeNull();
  }

  @Override
  void bool(boolean value) throws IOException {
    out.writeBoolean(value);
  }

  @Override
  void integer(long value) throws IOException {
    out.writeNumber(value);
  }

  @Override
  void bigInteger(BigInteger value) throws IOException {
    // 4300 digits need at most 14285 bits: a longer value is refused before it is converted to text.
    if (value.bitLength() > 14_285 || value.abs().toString().length() > MAX_INT_DIGITS) {
      throw new SessionDataException(where() + " is an integer of over " + MAX_INT_DIGITS + " digits, which"
          + " Python cannot convert to text (its int_max_str_digits)");
    }
    out.writeNumber(value);
  }

  @Override
  void float64(double value) throws IOException {
    if (Double.isFinite(value)) {
      out.writeNumber(MsgspecFloat.format(value)); // written as is
    } else {
      out.writeNull(); // msgspec writes NaN and the infinities as null
    }
  }

  @Override
  void string(String value) throws IOException {
    out.writeString(value);
  }

  @Override
  void bytes(byte[] value) throws IOException {
    out.writeString(Base64.getEncoder().encodeToString(value));
  }

  @Override
  void awareDateTime(OffsetDateTime value) throws IOException {
    out.writeString(PyTime.rfc3339(value));
  }

  @Override
  void startMap(int size) throws IOException {
    out.writeStartObject();
  }

  @Override
  void key(String key) throws IOException {
    out.writeFieldName(key);
  }

  @Override
  void endMap() throws IOException {
    out.writeEndObject();
  }

  @Override
  void startArray(int size) throws IOException {
    out.writeStartArray();
  }

  @Override
  void endArray() throws IOException {
    out.writeEndArray();
  }
}
