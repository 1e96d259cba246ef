package dev.flagon.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny JSON tree reader on jackson-core's streaming parser (tests only; no databind). */
final class TestJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private TestJson() {}

  /** Maps, lists, strings, numbers ({@code Long}, {@code BigInteger}, {@code Double}), booleans, null. */
  static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      return readDocument(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object parse(InputStream in) {
    try (JsonParser p = FACTORY.createParser(in)) {
      return readDocument(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object readDocument(JsonParser p) throws IOException {
    p.nextToken();
    Object value = read(p);
    if (p.nextToken() != null) {
      throw new IOException("trailing content after the JSON value");
    }
    return value;
  }

  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new IOException("unexpected end of input");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, read(p));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected token " + t);
    }
  }
}
