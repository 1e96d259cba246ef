package dev.flagon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The committed corpus is in place and still meaningful: its chunk seeds open to the seed session, its CSRF
 * and remember cookie seeds get past the signatures.
 */
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

  @Test
  void loginSeeds_reachPastTheSignatures() throws IOException {
    Path csrf = SeedCorpus.dir("CsrfTokenFuzzTest", "protect");
    assertThat(CsrfTokenFuzzTest.passes(Files.readAllBytes(csrf.resolve("client-valid")))).isTrue();
    assertThat(CsrfTokenFuzzTest.passes(Files.readAllBytes(csrf.resolve("signed-raw")))).isTrue();
    assertThat(CsrfTokenFuzzTest.passes(Files.readAllBytes(csrf.resolve("client-expired")))).isFalse();
    Path login = SeedCorpus.dir("RememberCookieFuzzTest", "currentUser");
    assertThat(RememberCookieFuzzTest.user(Files.readAllBytes(login.resolve("client-remembered"))))
        .hasValueSatisfying(user -> assertThat(user.id()).isEqualTo("42"));
    assertThat(RememberCookieFuzzTest.user(Files.readAllBytes(login.resolve("signed-remembered"))))
        .hasValueSatisfying(user -> assertThat(user.id()).isEqualTo("7"));
  }
}
