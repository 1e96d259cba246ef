package dev.flagon.testing;

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

/**
 * Reads HTTP flow files (schema: spec section 1.6) from the classpath: the public flows of
 * {@code vectors/http-vectors.json} in flagon-core's test-jar, or another file in the same schema.
 */
public final class HttpFlows {
  /** The classpath resource holding the public flows, shared by every integration. */
  public static final String PUBLIC = "/vectors/http-vectors.json";

  private HttpFlows() {}

  /** Every public flow, in file order. */
  public static List<HttpFlow> all() {
    return read(PUBLIC);
  }

  /** Every flow of a flow file on the classpath, in file order. */
  public static List<HttpFlow> read(String resource) {
    try (InputStream in = HttpFlows.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath (the public flows are in"
            + " flagon-core's test-jar)");
      }
      try (JsonParser parser = new JsonFactory().createParser(in)) {
        parser.nextToken();
        Map<String, Object> file = map(read(parser));
        return list(file.get("cases")).stream().map(flow -> flow(map(flow))).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The public flow of this name. @throws IllegalArgumentException if there is none */
  public static HttpFlow named(String name) {
    return all().stream().filter(flow -> flow.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no HTTP flow named " + name));
  }

  @SuppressWarnings("unchecked")
  private static HttpFlow flow(Map<String, Object> json) {
    List<HttpFlow.Step> steps = list(json.get("steps")).stream().map(step -> step(map(step))).toList();
    List<String> tags = json.get("tags") == null ? List.of() : (List<String>) json.get("tags");
    // Flask's vectors use keys Flagon refuses by default ("new-http-key"): reproducing them is the one
    // legitimate use of SECRET_KEY_ALLOW_WEAK, so every integration's replay gets it explicitly.
    Map<String, Object> config = new LinkedHashMap<>(map(json.get("config")));
    config.put("SECRET_KEY_ALLOW_WEAK", true);
    return new HttpFlow((String) json.get("name"), tags, config, map(json.get("signing")), steps);
  }

  @SuppressWarnings("unchecked")
  private static HttpFlow.Step step(Map<String, Object> json) {
    Map<String, Object> request = map(json.get("request"));
    Map<String, Object> response = map(json.get("response"));
    Map<String, String> responseHeaders = new LinkedHashMap<>();
    for (Object header : list(response.get("headers"))) {
      List<String> pair = (List<String>) header;
      responseHeaders.putIfAbsent(pair.get(0), pair.get(1));
    }
    return new HttpFlow.Step(((Number) json.get("now")).longValue(), (String) request.get("method"),
        (String) request.get("path"), (List<List<String>>) request.get("headers"),
        ((Number) response.get("status")).intValue(), (String) response.get("body"), responseHeaders,
        (List<String>) json.get("set_cookie"), (String) json.get("vary"),
        json.get("warnings") == null ? List.of() : (List<String>) json.get("warnings"));
  }

  /**
   * Maps, lists, strings, integers ({@code Integer}, {@code Long} or {@code BigInteger} by size), doubles,
   * booleans and null.
   */
  private static Object read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
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
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p));
        }
        return items;
      }
      case VALUE_STRING: return p.getText();
      case VALUE_NUMBER_INT: return p.getNumberValue();
      case VALUE_NUMBER_FLOAT: return p.getDoubleValue();
      case VALUE_TRUE: return true;
      case VALUE_FALSE: return false;
      case VALUE_NULL: return null;
      default: throw new IOException("unexpected JSON token " + token);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object json) {
    return (Map<String, Object>) json;
  }

  private static List<?> list(Object json) {
    return (List<?>) json;
  }
}
