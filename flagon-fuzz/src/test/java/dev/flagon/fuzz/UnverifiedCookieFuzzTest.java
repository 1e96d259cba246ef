package dev.flagon.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flagon.codec.BadDataException;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import java.nio.charset.StandardCharsets;

/**
 * A Flask cookie read without its key, as the demo's cookie page and {@code flagon decode} read anyone's
 * cookie: UrlSafeTimedSerializer.decodeUnverified, TaggedJson.loads within the cookie's budget, then dumps.
 * A text, BadDataException or TaggedJsonException, nothing else: no signature stands in the way here.
 */
class UnverifiedCookieFuzzTest {
  private static final TaggedJson JSON = TaggedJson.standard();

  @FuzzTest(maxDuration = "30s")
  void decode(byte[] input) {
    String cookie = new String(input, StandardCharsets.UTF_8);
    try {
      String json = UrlSafeTimedSerializer.decodeUnverified(cookie);
      JSON.dumps(JSON.loads(json, cookie.length()));
    } catch (BadDataException | TaggedJsonException expected) {
      // not a Flask cookie, or not tagged JSON within the budget: the page and the CLI say so
    }
  }
}
