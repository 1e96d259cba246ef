package dev.flagon.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON as msgspec's untyped decoder does: strict JSON in UTF-8 (no byte-order mark, no NaN, no
 * trailing data), integers of any size up to Python's 4300 digits, numbers beyond the double range refused,
 * a repeated key keeping its last value, strings as text (so datetimes, UUIDs and bytes come back as the
 * strings msgspec wrote). Bounded by its input: each value takes at least one character.
 */
final class JsonReader {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // the last duplicate wins, as in msgspec
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // messages must not echo session data
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES) // keys come from outside: keep them off the pool
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(SessionValueWriter.MAX_DEPTH)
          .maxNumberLength(MsgSpecSerializer.MAX_STORED_BYTES) // integers are capped below, floats are read
          .maxStringLength(MsgSpecSerializer.MAX_STORED_BYTES)
          .maxNameLength(MsgSpecSerializer.MAX_STORED_BYTES)
          .build())
      .build();

  private JsonReader() {}

  /**
   * The one value in the input.
   *
   * @throws NotThisFormat if the bytes are not JSON (msgspec's DecodeError)
   * @throws SessionDataException if they are, but hold what Python or Flagon cannot take
   */
  static Object read(byte[] input) {
    // Decoded here, strictly, so that jackson cannot guess another encoding or skip a byte-order mark.
    String text;
    try {
      text = PyText.decode(input, 0, input.length, "the stored JSON");
    } catch (SessionDataException e) {
      throw new NotThisFormat("the JSON text is not UTF-8"); // msgpack, say: Flask-Session tries the other format
    }
    if (text.startsWith("\uFEFF")) {
      throw new NotThisFormat("JSON must not start with a byte-order mark");
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new NotThisFormat("the JSON text is empty");
      }
      Object value = value(parser, first);
      if (parser.nextToken() != null) {
        throw new NotThisFormat("the JSON text has trailing data");
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw new SessionDataException("the stored JSON exceeds a limit: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new NotThisFormat("the JSON text is malformed");
    } catch (IOException e) {
      throw new NotThisFormat("the JSON text could not be read");
    }
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
          map.put(checked(key), value(parser, parser.nextToken()));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          list.add(value(parser, next));
        }
        return list;
      case VALUE_STRING:
        return checked(parser.getText());
      case VALUE_NUMBER_INT:
        if (parser.getTextLength() > JsonWriter.MAX_INT_DIGITS + 1) { // a sign and 4300 digits
          throw new SessionDataException("the stored JSON holds an integer of over " + JsonWriter.MAX_INT_DIGITS
              + " digits, beyond what Python reads");
        }
        return switch (parser.getNumberType()) {
          case INT -> parser.getIntValue();
          case LONG -> parser.getLongValue();
          default -> parser.getBigIntegerValue();
        };
      case VALUE_NUMBER_FLOAT:
        double number = parser.getDoubleValue();
        if (Double.isInfinite(number)) {
          throw new NotThisFormat("a JSON number is out of the double range");
        }
        return number;
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new NotThisFormat("unexpected JSON token");
    }
  }

  /** Escapes can spell a lone surrogate, which msgspec refuses. */
  private static String checked(String text) {
    if (PyText.hasLoneSurrogate(text)) {
      throw new NotThisFormat("a JSON string escapes a lone surrogate");
    }
    return text;
  }
}
