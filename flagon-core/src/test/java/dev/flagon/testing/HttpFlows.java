package dev.flagon.testing;

import static dev.flagon.testing.PlainJson.list;
import static dev.flagon.testing.PlainJson.map;

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
    if (HttpFlows.class.getResource(resource) == null) {
      throw new IllegalStateException(resource + " is not on the classpath (the public flows are in"
          + " flagon-core's test-jar)");
    }
    return list(PlainJson.resource(resource).get("cases")).stream().map(flow -> flow(map(flow))).toList();
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
}
