package dev.flagon.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP flows recorded from Flask, schema in spec section 1.6: the public ones
 * ({@code vectors/http-vectors.json} in flagon-core's test-jar) and this module's extra ones
 * ({@code conformance/extra-http-vectors.json}, made by {@code gen_extra_flows.py} next to it).
 */
final class HttpVectors {
  /** The public flows, shared with every integration. */
  static final String PUBLIC = "/vectors/http-vectors.json";
  /** More flows over the rest of the route catalog, recorded for the conformance server. */
  static final String EXTRA = "/conformance/extra-http-vectors.json";

  private HttpVectors() {}

  /** One recorded flow. */
  record Flow(String name, List<String> tags, Map<String, Object> json, List<Step> steps) {
    /** Whether Flask's behaviour here is a Python quirk that Flagon deliberately does not copy. */
    boolean isQuirk() {
      return tags.contains("quirk");
    }

    /** The conformance server's settings for this flow: its {@code config} and {@code signing}. */
    Map<String, Object> settings() {
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("config", json.get("config"));
      settings.put("signing", json.get("signing"));
      return settings;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** One request and what Flask answered. */
  record Step(long now, String method, String path, List<List<String>> headers, int status, String body,
      Map<String, String> responseHeaders, List<String> setCookies, String vary) {}

  /** Every flow of a vector file on the test classpath, in file order. */
  static List<Flow> flows(String resource) {
    try (InputStream in = HttpVectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      Map<String, Object> file = map(JsonValues.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      return list(file.get("cases")).stream().map(flow -> flow(map(flow))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The public flow of this name. */
  static Flow flow(String name) {
    return flows(PUBLIC).stream().filter(flow -> flow.name().equals(name)).findFirst().orElseThrow();
  }

  /** A JSON value (as {@link JsonValues} reads it) written back as JSON text. */
  static String toJson(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Flow flow(Map<String, Object> json) {
    List<Step> steps = list(json.get("steps")).stream().map(step -> step(map(step))).toList();
    return new Flow((String) json.get("name"), (List<String>) json.get("tags"), json, steps);
  }

  @SuppressWarnings("unchecked")
  private static Step step(Map<String, Object> json) {
    Map<String, Object> request = map(json.get("request"));
    Map<String, Object> response = map(json.get("response"));
    Map<String, String> responseHeaders = new LinkedHashMap<>();
    for (Object header : list(response.get("headers"))) {
      List<String> pair = (List<String>) header;
      responseHeaders.putIfAbsent(pair.get(0), pair.get(1));
    }
    return new Step(((Number) json.get("now")).longValue(), (String) request.get("method"),
        (String) request.get("path"), (List<List<String>>) request.get("headers"),
        ((Number) response.get("status")).intValue(), (String) response.get("body"), responseHeaders,
        (List<String>) json.get("set_cookie"), (String) json.get("vary"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object json) {
    return (Map<String, Object>) json;
  }

  private static List<?> list(Object json) {
    return (List<?>) json;
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
