package dev.flagon.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.loads} on jackson-core's streaming parser, untagging each object as it closes
 * (Flask's {@code object_hook}, a post-order walk). Each read has a budget of values ({@link
 * TaggedJson#loads(String, int)}) and fails as soon as it would exceed it, so what a read allocates is
 * bounded by the length of its text plus a bounded cost per value, whatever its shape (docs/security.md).
 */
final class TaggedReader {
  /** Nesting bound, also the writer's. Python fails with RecursionError near 1000 levels. */
  static final int MAX_DEPTH = 512;
  /** Far beyond any cookie (browsers stop near 4 KB), small enough to bound the work on one value. */
  static final int MAX_STRING_LENGTH = 1_000_000;
  /** Above what 48 KiB of JSON ({@code split}'s cap) can make: a list of datetimes makes 0.59 per byte. */
  static final int MAX_VALUES = 32_768;
  /** An uncompressed cookie carries at most 0.45 values per character. */
  static final int VALUES_PER_SOURCE_CHARACTER = 8;
  /** However short the source: any session of up to 12 KiB of JSON fits. */
  static final int BASE_VALUES = 8_192;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // Flask writes NaN and Infinity bare
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // Python: the last duplicate wins
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // messages must not echo the input
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES) // keys come from outside: keep them off the pool
      // correctly rounded like Python's float(), without the JDK's per-number scratch (600 bytes for 1e308)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          // Python's int limit (digits without the sign, as Python counts); floats too: no cookie has one
          .maxNumberLength(JsonBuffer.MAX_INT_DIGITS)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNameLength(MAX_STRING_LENGTH)
          .build())
      .build();

  private final TaggedJson tags;
  private final int maxValues;
  private int valuesLeft;

  /** A reader for one text (not thread-safe). */
  TaggedReader(TaggedJson tags, int maxValues) {
    this.tags = tags;
    this.maxValues = maxValues;
    this.valuesLeft = maxValues;
  }

  Object read(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new TaggedJsonException("the JSON text is empty");
      }
      Object value = readValue(parser, first);
      if (parser.nextToken() != null) {
        throw new TaggedJsonException("the JSON text has extra data after its value" + at(parser.currentLocation()));
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw new TaggedJsonException("the JSON text exceeds a limit: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new TaggedJsonException("the JSON text is malformed" + at(e.getLocation()));
    } catch (IOException e) {
      throw new TaggedJsonException("the JSON text could not be read");
    }
  }

  /** Takes {@code n} values from the budget, or fails before they are made. */
  private void spend(long n) {
    if (n > valuesLeft) {
      throw new TaggedJsonException("the JSON text exceeds a limit: it makes more than " + maxValues
          + " values (a Flagon limit on decoding, docs/security.md)");
    }
    valuesLeft -= (int) n;
  }

  private Object readValue(JsonParser parser, JsonToken token) throws IOException {
    spend(1);
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
          // put keeps the first position and the last value, exactly as a Python dict does
          map.put(parser.currentName(), readValue(parser, parser.nextToken()));
        }
        yield untag(map);
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          list.add(readValue(parser, next));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> parser.getIntValue();
        case LONG -> parser.getLongValue();
        default -> parser.getBigIntegerValue();
      };
      case VALUE_NUMBER_FLOAT -> readFloat(parser);
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new TaggedJsonException("unexpected JSON token " + token + at(parser.currentLocation()));
    };
  }

  /**
   * Doubles as Python reads them ({@code 2e308} is infinity). Jackson also accepts {@code +Infinity},
   * {@code +INF} and {@code -INF}; Python only {@code NaN}, {@code Infinity} and {@code -Infinity}.
   */
  private static Double readFloat(JsonParser parser) throws IOException {
    double value = parser.getDoubleValue();
    if (!Double.isFinite(value)) {
      String text = parser.getText();
      boolean numeric = text.length() > 1 && Character.isDigit(text.charAt(text.charAt(0) == '-' ? 1 : 0));
      if (!numeric && !text.equals("NaN") && !text.equals("Infinity") && !text.equals("-Infinity")) {
        throw new TaggedJsonException("the JSON text has a non-numeric number Python does not accept"
            + at(parser.currentLocation()));
      }
    }
    return value;
  }

  /** Flask's object hook: a one-key object whose key is a tag key becomes that tag's value. */
  private Object untag(Map<String, Object> map) {
    if (map.size() != 1) {
      return map;
    }
    Map.Entry<String, Object> only = map.entrySet().iterator().next();
    Object tag = tags.tagFor(only.getKey());
    if (tag == null) {
      return map;
    }
    spend(1);
    if (tag instanceof BuiltinTag builtin) {
      spend(builtin.extraCost(only.getValue()));
      return builtin.fromJson(only.getValue());
    }
    JsonTag<?> custom = (JsonTag<?>) tag;
    try {
      return custom.fromJson(only.getValue());
    } catch (RuntimeException e) {
      // Not chained: a custom tag's message may quote the value, and messages must not carry input.
      throw new TaggedJsonException("the custom tag '" + custom.key() + "' rejected its value ("
          + e.getClass().getName() + ")");
    }
  }

  private static String at(JsonLocation location) {
    return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
