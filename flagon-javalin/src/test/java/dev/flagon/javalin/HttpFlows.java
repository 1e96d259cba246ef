package dev.flagon.javalin;

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
 * Flask's recorded HTTP flows, {@code vectors/http-vectors.json} from flagon-core's test-jar (schema:
 * docs/flask-session-format.md, section 1.6), read into plain records.
 */
final class HttpFlows {
  private static final String RESOURCE = "/vectors/http-vectors.json";

  private HttpFlows() {}

  /** One flow: its Flask config (JSON nulls dropped), its signing parameters and its steps. */
  record Flow(String name, Map<String, Object> config, Map<String, Object> signing, List<Step> steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** One request and what Flask answered. */
  record Step(long now, String path, List<String> cookieHeaders, int status, String body, String location,
      List<String> setCookies, String vary, List<String> warnings) {}

  /** Every flow, in file order. */
  @SuppressWarnings("unchecked")
  static List<Flow> all() {
    try (InputStream in = HttpFlows.class.getResourceAsStream(RESOURCE);
        JsonParser parser = new JsonFactory().createParser(in)) {
      parser.nextToken();
      Map<String, Object> file = (Map<String, Object>) read(parser);
      return ((List<Map<String, Object>>) file.get("cases")).stream().map(HttpFlows::flow).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The flow of this name. */
  static Flow named(String name) {
    return all().stream().filter(flow -> flow.name().equals(name)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Flow flow(Map<String, Object> json) {
    Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) json.get("config"));
    config.values().removeIf(value -> value == null); // Flask's None: not set
    List<Step> steps = ((List<Map<String, Object>>) json.get("steps")).stream().map(HttpFlows::step).toList();
    return new Flow((String) json.get("name"), config, (Map<String, Object>) json.get("signing"), steps);
  }

  @SuppressWarnings("unchecked")
  private static Step step(Map<String, Object> json) {
    Map<String, Object> request = (Map<String, Object>) json.get("request");
    Map<String, Object> response = (Map<String, Object>) json.get("response");
    List<String> cookies = ((List<List<String>>) request.get("headers")).stream()
        .filter(header -> header.get(0).equalsIgnoreCase("Cookie"))
        .map(header -> header.get(1))
        .toList();
    String location = ((List<List<String>>) response.get("headers")).stream()
        .filter(header -> header.get(0).equalsIgnoreCase("Location"))
        .map(header -> header.get(1))
        .findFirst().orElse(null);
    return new Step(((Number) json.get("now")).longValue(), (String) request.get("path"), cookies,
        ((Number) response.get("status")).intValue(), (String) response.get("body"), location,
        (List<String>) json.get("set_cookie"), (String) json.get("vary"), (List<String>) json.get("warnings"));
  }

  private static Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, read(parser));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(parser));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getNumberValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return parser.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected JSON token " + token);
    }
  }
}
