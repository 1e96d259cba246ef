package dev.flagon.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a configuration text as a JSON literal, as Flask's {@code from_prefixed_env} tries
 * {@code json.loads} first: {@code true}, {@code 3600}, {@code null}, {@code "text"} or an array of those.
 * Anything else (objects, nested arrays, trailing text, plain words) is {@link #NOT_JSON}.
 */
public final class JsonLiteral {
  /** The marker for a text that is not a JSON literal (so the raw text is used). */
  public static final Object NOT_JSON = new Object();

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLiteral() {}

  /** A String, Boolean, Integer, Long, BigInteger, Double, null or List of those; or {@link #NOT_JSON}. */
  public static Object read(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken token = parser.nextToken();
      Object value;
      if (token == JsonToken.START_ARRAY) {
        List<Object> items = new ArrayList<>();
        for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
          Object item = scalar(parser, token);
          if (item == NOT_JSON) {
            return NOT_JSON;
          }
          items.add(item);
        }
        value = items;
      } else {
        value = scalar(parser, token);
      }
      return value != NOT_JSON && parser.nextToken() == null ? value : NOT_JSON;
    } catch (IOException e) {
      return NOT_JSON; // malformed: Flask falls back to the raw string too
    }
  }

  private static Object scalar(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      return NOT_JSON;
    }
    switch (token) {
      case VALUE_STRING: return parser.getText();
      case VALUE_NUMBER_INT: return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT: return parser.getDoubleValue();
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NULL: return null;
      default: return NOT_JSON;
    }
  }
}
