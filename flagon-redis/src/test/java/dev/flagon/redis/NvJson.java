package dev.flagon.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flagon.json.Markup;
import dev.flagon.json.Tuple;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Java session values as the spec's neutral value encoding (section 1.3), as JSON text for Python. */
final class NvJson {
  /** Non-ASCII escaped: a lone surrogate must reach Python as one, not as a replaced character. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final BigInteger SAFE = BigInteger.ONE.shiftLeft(53);
  private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter AWARE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxxxx");

  private NvJson() {}

  static String of(Object value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      write(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void write(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Boolean flag) {
      out.writeBoolean(flag);
    } else if (value instanceof String text) {
      out.writeString(text);
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      BigInteger n = new BigInteger(value.toString());
      if (n.abs().compareTo(SAFE) < 0) {
        out.writeNumber(n);
      } else {
        typed(out, "int", "value", n.toString());
      }
    } else if (value instanceof Double d) {
      String text = d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "inf" : "-inf") : d.toString();
      typed(out, "float", "value", text);
    } else if (value instanceof Tuple tuple) {
      out.writeStartObject();
      out.writeStringField("type", "tuple");
      out.writeFieldName("items");
      list(out, tuple);
      out.writeEndObject();
    } else if (value instanceof List<?> list) {
      list(out, list);
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      out.writeStringField("type", "dict");
      out.writeArrayFieldStart("entries");
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.writeStartArray();
        write(out, entry.getKey());
        write(out, entry.getValue());
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
      typed(out, "datetime", "value", AWARE.format(instant.atOffset(ZoneOffset.UTC)));
    } else if (value instanceof OffsetDateTime time) {
      typed(out, "datetime", "value", AWARE.format(time));
    } else if (value instanceof ZonedDateTime time) {
      typed(out, "datetime", "value", AWARE.format(time.toOffsetDateTime()));
    } else if (value instanceof LocalDateTime time) {
      typed(out, "datetime", "value", NAIVE.format(time));
    } else if (value instanceof LocalDate date) {
      typed(out, "date", "value", date.toString());
    } else {
      throw new IllegalArgumentException("no NV for " + value.getClass());
    }
  }

  private static void list(JsonGenerator out, List<?> list) throws IOException {
    out.writeStartArray();
    for (Object item : list) {
      write(out, item);
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
