package dev.flagon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The committed corpus is in place and still meaningful: its chunk seeds open to the seed session. */
class SeedCorpusTest {
  @Test
  void corpus_everyTargetHasSeeds_andChunkSeedsOpen() throws IOException {
    if (Boolean.getBoolean("flagon.fuzz.writeSeeds")) {
      SeedCorpus.write();
    }
    for (Path file : SeedCorpus.seeds().keySet()) {
      assertThat(file).as("committed seed").exists();
    }
    for (String name : new String[] {"signed-split", "encrypted-split"}) {
      byte[] seed = Files.readAllBytes(SeedCorpus.dir("ChunkReassemblyFuzzTest", "open").resolve(name));
      String header = new String(Arrays.copyOfRange(seed, 1, seed.length), StandardCharsets.UTF_8);
      var flagon = seed[0] % 2 == 1 ? ChunkReassemblyFuzzTest.ENCRYPTED : ChunkReassemblyFuzzTest.SIGNED;
      assertThat(header).contains("session.1=");
      assertThat(flagon.open(header).get("data")).as(name).isEqualTo(SeedCorpus.DATA);
    }
  }
}
