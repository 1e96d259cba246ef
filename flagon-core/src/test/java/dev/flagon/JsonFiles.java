package dev.flagon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads test resources written as JSON into plain maps, lists, strings, numbers, booleans and nulls. */
final class JsonFiles {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonFiles() {}

  /** A classpath resource, for example {@code /vectors/http-vectors.json}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> resource(String path) {
    try (InputStream in = JsonFiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      try (JsonParser parser = FACTORY.createParser(in)) {
        return (Map<String, Object>) read(parser, parser.nextToken());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          map.put(name, read(parser, parser.nextToken()));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(read(parser, t));
        }
        return list;
      }
      case VALUE_STRING: return parser.getText();
      case VALUE_NUMBER_INT: return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT: return parser.getDoubleValue();
      case VALUE_TRUE: return true;
      case VALUE_FALSE: return false;
      case VALUE_NULL: return null;
      default: throw new IOException("unexpected " + token);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }
}
