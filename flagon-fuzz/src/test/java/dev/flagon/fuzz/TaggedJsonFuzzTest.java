package dev.flagon.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import java.nio.charset.StandardCharsets;

/**
 * TaggedJson.loads on any text: a value or TaggedJsonException, nothing else; and whatever it loads, dumps
 * writes back or refuses with TaggedJsonException.
 */
class TaggedJsonFuzzTest {
  private static final TaggedJson JSON = TaggedJson.standard();

  @FuzzTest(maxDuration = "30s")
  void loads(byte[] input) {
    Object value;
    try {
      value = JSON.loads(new String(input, StandardCharsets.UTF_8));
    } catch (TaggedJsonException expected) {
      return;
    }
    try {
      JSON.dumps(value);
    } catch (TaggedJsonException expected) {
      // for example a float that Python would read but not write back the same way
    }
  }
}
