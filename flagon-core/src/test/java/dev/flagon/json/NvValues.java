package dev.flagon.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The vectors' neutral value encoding (spec section 1.3) as Java values, and a structural comparison that
 * follows Python's notion of "the same value" closely enough for tests.
 *
 * <p>Input is NV already parsed by {@link dev.flagon.testing.PlainJson}. Output types: ints become
 * {@link Integer} when they fit, else {@link Long}, else {@link BigInteger} (the types
 * {@link TaggedJson#loads} returns); floats {@link Double}; lists {@link ArrayList}; tuples {@link Tuple};
 * dicts {@link LinkedHashMap}; bytes {@code byte[]}; markup {@link Markup}; uuid {@link UUID}; datetimes {@link OffsetDateTime} (aware) or
 * {@link LocalDateTime} (naive); dates {@link LocalDate}; decimals {@link BigDecimal}.
 */
public final class NvValues {
  private NvValues() {}

  /** An NV value (parsed JSON) as the Java value it stands for. */
  public static Object fromNv(Object nv) {
    if (nv == null || nv instanceof String || nv instanceof Boolean) {
      return nv;
    }
    if (nv instanceof Long || nv instanceof Integer || nv instanceof BigInteger) {
      return normalizeInt(new BigInteger(nv.toString()));
    }
    if (nv instanceof List<?> list) {
      List<Object> values = new ArrayList<>(list.size());
      list.forEach(item -> values.add(fromNv(item)));
      return values;
    }
    if (!(nv instanceof Map<?, ?> object)) {
      throw new IllegalArgumentException("not NV: " + nv.getClass().getName());
    }
    String type = (String) object.get("type");
    Object value = object.get("value");
    switch (String.valueOf(type)) {
      case "int":
        return normalizeInt(new BigInteger((String) value));
      case "float":
        return parseFloat((String) value);
      case "tuple":
        return Tuple.copyOf((List<?>) fromNv(object.get("items")));
      case "dict": {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Object entry : (List<?>) object.get("entries")) {
          List<?> pair = (List<?>) entry;
          map.put(fromNv(pair.get(0)), fromNv(pair.get(1)));
        }
        return map;
      }
      case "bytes":
        return Base64.getDecoder().decode((String) object.get("base64"));
      case "markup":
        return Markup.of((String) value);
      case "uuid":
        return UUID.fromString((String) value);
      case "datetime":
        return parseDateTime((String) value);
      case "date":
        return LocalDate.parse((String) value);
      case "decimal":
        return new BigDecimal((String) value);
      default:
        throw new IllegalArgumentException("unknown NV type " + type);
    }
  }

  /** Whether a Java value is the value an NV value stands for (see {@link #structurallyEqual}). */
  public static boolean equalsNv(Object nv, Object actual) {
    return structurallyEqual(fromNv(nv), actual);
  }

  /**
   * Python-like equality for tests: ints equal by value whatever their Java type; floats by bits (NaN
   * equals NaN, -0.0 differs from 0.0, and a float never equals an int); tuples differ from lists;
   * maps compare as maps; byte arrays by content; datetimes by instant and offset.
   */
  public static boolean structurallyEqual(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (isInt(expected) || isInt(actual)) {
      return isInt(expected) && isInt(actual) && toBig(expected).equals(toBig(actual));
    }
    if (isFloat(expected) || isFloat(actual)) {
      return isFloat(expected) && isFloat(actual)
          && Double.doubleToLongBits(((Number) expected).doubleValue())
              == Double.doubleToLongBits(((Number) actual).doubleValue());
    }
    if (expected instanceof byte[] a) {
      return actual instanceof byte[] b && Arrays.equals(a, b);
    }
    if ((expected instanceof Tuple) != (actual instanceof Tuple)) {
      return false;
    }
    if (expected instanceof List<?> a) {
      return actual instanceof List<?> b && listsEqual(a, b);
    }
    if (expected instanceof Map<?, ?> a) {
      return actual instanceof Map<?, ?> b && mapsEqual(a, b);
    }
    return expected.getClass() == actual.getClass() && expected.equals(actual);
  }

  /** A readable form for assertion messages: types visible, bytes as base64. */
  public static String describe(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof byte[] bytes) {
      return "b64'" + Base64.getEncoder().encodeToString(bytes) + "'";
    }
    if (value instanceof Tuple tuple) {
      return tuple.stream().map(NvValues::describe).collect(Collectors.joining(", ", "(", ")"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(NvValues::describe).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> describe(e.getKey()) + ": " + describe(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof String text) {
      return '"' + text + '"';
    }
    return value.getClass().getSimpleName() + "(" + value + ")";
  }

  private static boolean listsEqual(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!structurallyEqual(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean mapsEqual(Map<?, ?> a, Map<?, ?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<?, ?> entry : a.entrySet()) {
      Object key = matchingKey(b, entry.getKey());
      if (key == MISSING || !structurallyEqual(entry.getValue(), b.get(key))) {
        return false;
      }
    }
    return true;
  }

  private static final Object MISSING = new Object();

  private static Object matchingKey(Map<?, ?> map, Object key) {
    if (map.containsKey(key)) {
      return key;
    }
    for (Object candidate : map.keySet()) {
      if (structurallyEqual(key, candidate)) {
        return candidate;
      }
    }
    return MISSING;
  }

  private static boolean isInt(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger;
  }

  private static boolean isFloat(Object value) {
    return value instanceof Double || value instanceof Float;
  }

  private static BigInteger toBig(Object value) {
    return value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
  }

  private static Object normalizeInt(BigInteger value) {
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private static double parseFloat(String repr) {
    return switch (repr) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(repr);
    };
  }

  private static Object parseDateTime(String iso) {
    return hasOffset(iso) ? OffsetDateTime.parse(iso) : LocalDateTime.parse(iso);
  }

  private static boolean hasOffset(String iso) {
    int time = iso.indexOf('T');
    return iso.endsWith("Z") || (time >= 0
        && (iso.indexOf('+', time) >= 0 || iso.indexOf('-', time) >= 0));
  }
}
