package dev.flagon.testing;

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

/**
 * The one test-side reader of plain JSON (no tags, no Python rules), on jackson-core's streaming parser
 * alone so that fixtures, vector files and reports are read independently of the code under test.
 *
 * <p>Objects become {@link LinkedHashMap} (file order kept; a repeated key keeps its last value), arrays
 * {@link ArrayList}, integers {@link Long} when they fit and {@link java.math.BigInteger} otherwise (so
 * tests can compare with {@code long} values; read numbers through {@link Number} to stay independent of
 * the size), other numbers {@link Double}, and {@code true}, {@code false}, {@code null} as
 * {@link Boolean} and null. The text must hold exactly one JSON value: trailing content and empty input
 * are errors. {@code NaN} and {@code Infinity} are refused except by {@link #parseAllowingNaN}, which
 * reads them as Python's {@code json} module writes them.
 */
public final class PlainJson {
  private static final JsonFactory STRICT = new JsonFactory();
  private static final JsonFactory ALLOWING_NAN =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private PlainJson() {}

  /** One standard JSON value. @throws UncheckedIOException if the text is not exactly one JSON value */
  public static Object parse(String text) {
    return parse(STRICT, factory -> factory.createParser(text));
  }

  /** One standard JSON value from a stream (encoding detected by jackson); the stream is closed. */
  public static Object parse(InputStream in) {
    return parse(STRICT, factory -> factory.createParser(in));
  }

  /** As {@link #parse(String)}, also reading {@code NaN}, {@code Infinity} and {@code -Infinity} as doubles. */
  public static Object parseAllowingNaN(String text) {
    return parse(ALLOWING_NAN, factory -> factory.createParser(text));
  }

  /**
   * A JSON object in a classpath resource, for example {@code /vectors/vectors.json}.
   *
   * @throws IllegalStateException if the resource is not on the classpath
   */
  public static Map<String, Object> resource(String classpathPath) {
    try (InputStream in = PlainJson.class.getResourceAsStream(classpathPath)) {
      if (in == null) {
        throw new IllegalStateException(classpathPath + " is not on the test classpath");
      }
      return map(parse(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parsed JSON object, typed. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object json) {
    return (Map<String, Object>) json;
  }

  /** A parsed JSON array, typed. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Object json) {
    return (List<Object>) json;
  }

  private interface Input {
    JsonParser open(JsonFactory factory) throws IOException;
  }

  private static Object parse(JsonFactory factory, Input input) {
    try (JsonParser parser = input.open(factory)) {
      return readDocument(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object readDocument(JsonParser parser) throws IOException {
    Object value = read(parser, parser.nextToken());
    if (parser.nextToken() != null) {
      throw new IOException("trailing content after the JSON value");
    }
    return value;
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      throw new IOException("unexpected end of input");
    }
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
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          list.add(read(parser, next));
        }
        return list;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue()
            : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }
}
