package dev.flagon.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flagon.json.Markup;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.Tuple;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The spec's neutral value encoding (NV, flask-session-format.md section 1.3) for the catalog's {@code /dump}
 * and {@code /put-nv}: a session as {@code {"type":"dict","entries":[[K,V],...]}}, and one NV value (parsed
 * by {@link JsonValues}) as the Java value a session holds. Datetimes are written as Python's
 * {@code isoformat()}, floats as Python's {@code repr} (Flagon's tagged JSON writes them so).
 */
final class NeutralValues {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final BigInteger SAFE = BigInteger.TWO.pow(53);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final int MAX_DEPTH = 512;

  private NeutralValues() {}

  /** A session's data as one NV dict, compact JSON text. */
  static String dump(Map<String, ?> session) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      write(out, session, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * The Java value of one parsed NV value.
   *
   * @throws IllegalArgumentException if it is not NV (a bare float, an object without a known type)
   */
  static Object read(Object nv) {
    return read(nv, 0);
  }

  private static Object read(Object nv, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("NV nested deeper than " + MAX_DEPTH + " levels");
    }
    if (nv == null || nv instanceof String || nv instanceof Boolean || nv instanceof Integer
        || nv instanceof Long || nv instanceof BigInteger) {
      return nv;
    }
    if (nv instanceof List<?> list) {
      List<Object> values = new ArrayList<>(list.size());
      list.forEach(item -> values.add(read(item, depth + 1)));
      return values;
    }
    if (!(nv instanceof Map<?, ?> object)) {
      throw new IllegalArgumentException("bare JSON floats are not NV; use {\"type\": \"float\"}");
    }
    String type = String.valueOf(object.get("type"));
    Object value = object.get("value");
    return switch (type) {
      case "int" -> narrow(new BigInteger(text(value)));
      case "float" -> switch (text(value)) {
        case "nan" -> Double.NaN;
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.valueOf(text(value));
      };
      case "markup" -> Markup.of(text(value));
      case "bytes" -> Base64.getDecoder().decode(text(object.get("base64")));
      case "tuple" -> Tuple.copyOf((List<?>) read(object.get("items"), depth + 1));
      case "dict" -> dict(object.get("entries"), depth);
      case "uuid" -> UUID.fromString(text(value));
      case "datetime" -> dateTime(text(value));
      case "date" -> LocalDate.parse(text(value));
      case "decimal" -> new BigDecimal(text(value));
      default -> throw new IllegalArgumentException("unknown NV type '" + type + "'");
    };
  }

  private static Map<String, Object> dict(Object entries, int depth) {
    if (!(entries instanceof List<?> list)) {
      throw new IllegalArgumentException("an NV dict needs \"entries\": [[K, V], ...]");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Object entry : list) {
      if (!(entry instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof String key)) {
        throw new IllegalArgumentException("an NV dict entry is [\"key\", value] with a string key");
      }
      map.put(key, read(pair.get(1), depth + 1));
    }
    return map;
  }

  private static Object dateTime(String text) {
    boolean aware = text.length() > 19 && (text.endsWith("Z") || text.substring(19).matches(".*[+-]\\d\\d:\\d\\d.*"));
    return aware ? OffsetDateTime.parse(text) : LocalDateTime.parse(text);
  }

  private static Object narrow(BigInteger n) {
    return n.bitLength() < 32 ? (Object) n.intValue() : n.bitLength() < 64 ? (Object) n.longValue() : n;
  }

  private static String text(Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("an NV value's text must be a JSON string");
  }

  private static void write(JsonGenerator out, Object value, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("session nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Boolean flag) {
      out.writeBoolean(flag);
    } else if (value instanceof String || value instanceof Character) {
      out.writeString(value.toString());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      BigInteger n = new BigInteger(value.toString());
      if (n.abs().compareTo(SAFE) < 0) {
        out.writeNumber(n);
      } else {
        typed(out, "int", "value", n.toString());
      }
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      typed(out, "float", "value", Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf")
          : TaggedJson.standard().dumps(d));
    } else if (value instanceof Tuple tuple) {
      out.writeStartObject();
      out.writeStringField("type", "tuple");
      out.writeFieldName("items");
      list(out, tuple, depth);
      out.writeEndObject();
    } else if (value instanceof List<?> list) {
      list(out, list, depth);
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      out.writeStringField("type", "dict");
      out.writeArrayFieldStart("entries");
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.writeStartArray();
        write(out, entry.getKey(), depth + 1);
        write(out, entry.getValue(), depth + 1);
        out.writeEndArray();
      }
      out.writeEndArray();
      out.writeEndObject();
    } else if (value instanceof byte[] bytes) {
      typed(out, "bytes", "base64", Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof Markup markup) {
      typed(out, "markup", "value", markup.html());
    } else if (value instanceof UUID uuid) {
      typed(out, "uuid", "value", uuid.toString());
    } else if (value instanceof Instant instant) {
      typed(out, "datetime", "value", aware(instant.atOffset(ZoneOffset.UTC)));
    } else if (value instanceof OffsetDateTime time) {
      typed(out, "datetime", "value", aware(time));
    } else if (value instanceof ZonedDateTime time) {
      typed(out, "datetime", "value", aware(time.toOffsetDateTime()));
    } else if (value instanceof LocalDateTime time) {
      typed(out, "datetime", "value", naive(time));
    } else if (value instanceof LocalDate date) {
      typed(out, "date", "value", date.toString());
    } else if (value instanceof LocalTime time) {
      out.writeString(time.toString());
    } else if (value instanceof BigDecimal decimal) {
      typed(out, "decimal", "value", decimal.toString());
    } else {
      throw new IllegalArgumentException("no NV encoding for " + value.getClass().getSimpleName());
    }
  }

  /** Python's {@code isoformat()} of an aware datetime: microseconds only when not zero, {@code +00:00}. */
  private static String aware(OffsetDateTime time) {
    OffsetDateTime micros = time.withNano(time.getNano() / 1000 * 1000);
    String offset = micros.getOffset().getTotalSeconds() == 0 ? "+00:00" : micros.getOffset().getId();
    return naive(micros.toLocalDateTime()) + offset;
  }

  /** Python's {@code isoformat()} of a naive datetime: microseconds only when not zero. */
  private static String naive(LocalDateTime time) {
    int micros = time.getNano() / 1000;
    return (micros == 0 ? SECONDS : MICROS).format(time.withNano(micros * 1000));
  }

  private static void list(JsonGenerator out, List<?> list, int depth) throws IOException {
    out.writeStartArray();
    for (Object item : list) {
      write(out, item, depth + 1);
    }
    out.writeEndArray();
  }

  private static void typed(JsonGenerator out, String type, String field, String text) throws IOException {
    out.writeStartObject();
    out.writeStringField("type", type);
    out.writeStringField(field, text);
    out.writeEndObject();
  }
}
