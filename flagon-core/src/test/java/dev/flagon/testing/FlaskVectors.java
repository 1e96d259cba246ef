package dev.flagon.testing;

import java.util.List;
import java.util.Map;

/**
 * The Flask 3.1.3 cookie vectors ({@code vectors/vectors.json} in flagon-core's test-jar, spec section 1),
 * read with {@link PlainJson} as plain maps. Each call reads the file afresh, so callers may keep or change
 * what they get.
 */
public final class FlaskVectors {
  /** The classpath resource holding the vectors. */
  public static final String RESOURCE = "/vectors/vectors.json";

  private FlaskVectors() {}

  /** Every case, in file order. */
  public static List<Map<String, Object>> cases() {
    return PlainJson.list(PlainJson.resource(RESOURCE).get("cases")).stream().map(PlainJson::map).toList();
  }

  /** The cases of one {@code kind} ({@code "load"}, {@code "dump"}, ...), in file order. */
  public static List<Map<String, Object>> cases(String kind) {
    return cases().stream().filter(c -> kind.equals(c.get("kind"))).toList();
  }
}
