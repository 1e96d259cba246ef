package dev.flagon.cli;

import dev.flagon.json.Markup;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import dev.flagon.json.Tuple;
import java.util.List;
import java.util.Map;

/**
 * Tagged JSON text rewritten as Flask writes it: parsed with Flask's tags, then serialized again (sorted
 * keys, compact, ASCII-only), so any spacing, key order or escaping gives the same bytes.
 */
final class SessionJson {
  private SessionJson() {}

  /**
   * Flask's text for a session, read within the decoding budget for a source (the cookie, or the text
   * itself) of {@code sourceLength} characters, as the server reads it.
   *
   * @throws TaggedJsonException if the text is not tagged JSON or exceeds a decoding limit
   * @throws IllegalArgumentException if the value is not an object, saying what it is instead
   */
  static String rewriteSession(String json, int sourceLength) {
    TaggedJson tagged = TaggedJson.standard();
    Object value = tagged.loads(json, sourceLength);
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("expected a JSON object (a session), got " + describe(value));
    }
    return tagged.dumps(value);
  }

  /**
   * Flask's text for any value, read as {@link #rewriteSession} reads.
   *
   * @throws TaggedJsonException if the text is not tagged JSON or exceeds a decoding limit
   */
  static String rewrite(String json, int sourceLength) {
    TaggedJson tagged = TaggedJson.standard();
    return tagged.dumps(tagged.loads(json, sourceLength));
  }

  /** What the top level is, in the user's terms: a tag such as {" t": [...]} reads as a tuple, not an object. */
  private static String describe(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof Tuple) {
      return "a tuple ({\" t\": ...})";
    } else if (value instanceof List) {
      return "an array";
    } else if (value instanceof String) {
      return "a string";
    } else if (value instanceof Boolean) {
      return "a boolean";
    } else if (value instanceof Number) {
      return "a number";
    } else if (value instanceof Markup) {
      return "markup ({\" m\": ...})";
    } else if (value instanceof byte[]) {
      return "bytes ({\" b\": ...})";
    }
    return "a tagged " + value.getClass().getSimpleName();
  }
}
