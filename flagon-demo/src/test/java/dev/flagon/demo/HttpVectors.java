package dev.flagon.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flagon.testing.HttpFlow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformance server's view of the recorded HTTP flows, which the shared
 * {@link dev.flagon.testing.HttpFlows} reads: this module's extra flows
 * ({@code conformance/extra-http-vectors.json}, made by {@code gen_extra_flows.py} next to it) and a flow's
 * settings as the server takes them.
 */
final class HttpVectors {
  /** More flows over the rest of the route catalog, recorded for the conformance server. */
  static final String EXTRA = "/conformance/extra-http-vectors.json";

  private HttpVectors() {}

  /** The conformance server's settings for a flow: its {@code config} and {@code signing}. */
  static Map<String, Object> settings(HttpFlow flow) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("config", flow.config());
    settings.put("signing", flow.signing());
    return settings;
  }

  /** A JSON value (maps, lists, strings, numbers, booleans, null) written as JSON text. */
  static String toJson(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName((String) entry.getKey());
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Number number) {
      generator.writeNumber(number.toString());
    } else {
      generator.writeNull();
    }
  }
}
