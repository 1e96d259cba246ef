package dev.flagon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flagon.CookieFormat;
import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.SizePolicy;
import dev.flagon.encrypted.EncryptedFormats;
import java.util.Map;

/**
 * Flagon.open under SESSION_SIZE_POLICY=split on any Cookie header, seeded with real chunked sessions: it
 * never throws, and whatever mix of chunks it is given, the session it opens is either empty or exactly
 * the one the seeds were made from (no other session can be assembled without the key).
 */
class ChunkReassemblyFuzzTest {
  static final Flagon SIGNED = Targets.flagon(CookieFormat.SIGNED, SizePolicy.SPLIT);
  static final Flagon ENCRYPTED = Targets.flagon(EncryptedFormats.ENCRYPTED, SizePolicy.SPLIT);

  @FuzzTest(maxDuration = "30s")
  void open(byte[] input) {
    Flagon flagon = Targets.mode(input) % 2 == 1 ? ENCRYPTED : SIGNED;
    Session session = flagon.open(Targets.rest(input));
    Map<String, Object> data = session.toMap();
    if (!data.isEmpty()) {
      assertThat(data.keySet()).containsExactlyInAnyOrder("_permanent", "data");
      assertThat(data.get("data")).isEqualTo(SeedCorpus.DATA);
    }
  }
}
