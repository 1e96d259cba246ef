package dev.flagon.testing;

import java.util.List;
import java.util.Map;

/**
 * One HTTP flow Flask recorded in {@code vectors/http-vectors.json} (schema: docs/flask-session-format.md,
 * section 1.6): the app's configuration and the requests sent, each with what Flask answered.
 *
 * @param name the case name, unique in the file
 * @param tags free-form labels, such as {@code "expiry"} or {@code "quirk"}
 * @param config Flask's effective configuration, Flask's names to JSON values (strings, booleans,
 *     {@code Long}s, lists, null; a bytes key as an NV object), plus {@code SECRET_KEY_ALLOW_WEAK=true}:
 *     Flask's vectors use keys Flagon otherwise refuses
 * @param signing salt, digest and key derivation
 * @param steps the requests, in order
 */
public record HttpFlow(String name, List<String> tags, Map<String, Object> config,
    Map<String, Object> signing, List<Step> steps) {

  /**
   * One request and Flask's answer.
   *
   * @param now the frozen clock, seconds since the epoch
   * @param method the request method
   * @param path the path and query, as sent
   * @param headers the request headers, as {@code [name, value]} pairs
   * @param status the response status
   * @param body the response body (informational for redirects)
   * @param responseHeaders the first value of each response header
   * @param setCookies every {@code Set-Cookie} value, in order, byte for byte
   * @param vary the {@code Vary} header, or null
   * @param warnings Werkzeug's warnings while answering (the oversized-cookie one)
   */
  public record Step(long now, String method, String path, List<List<String>> headers, int status,
      String body, Map<String, String> responseHeaders, List<String> setCookies, String vary,
      List<String> warnings) {}

  /** Whether the flow carries this tag. */
  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }

  @Override
  public String toString() {
    return name;
  }
}
