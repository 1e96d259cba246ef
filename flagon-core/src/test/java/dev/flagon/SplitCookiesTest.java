package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.testing.CookieJar;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SESSION_SIZE_POLICY=split: chunked cookies, reassembled and verified as one, stale chunks deleted. */
class SplitCookiesTest {
  private static final long NOW = 1_700_000_000L;

  private static FlagonConfig.Builder config() {
    return FlagonConfig.builder().secretKey("split-cookies-test-key-000001").sizePolicy(SizePolicy.SPLIT)
        .cookieDomain("example.com").cookieSecure(true).cookieSameSite(SameSite.LAX)
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
  }

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /** Random base64url text: zlib then base64 give it back at about the same length. */
  private static String noise(int length, long seed) {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      out.append(ALPHABET.charAt(random.nextInt(64)));
    }
    return out.toString();
  }

  private static CookieUpdate save(Flagon flagon, CookieJar jar, String data) {
    Session session = flagon.open(jar.header());
    session.put("data", data);
    session.setPermanent(true);
    CookieUpdate update = flagon.save(session);
    jar.apply(update);
    return update;
  }

  @Test
  void split_smallSession_staysOneFlaskCompatibleCookie() {
    CookieUpdate update = save(Flagon.create(config().build()), new CookieJar(), "small");
    assertThat(update.setCookieHeaders()).singleElement().asString().startsWith("session=eyJ")
        .doesNotContain("~");
  }

  @Test
  void split_largeSession_isCarriedByChunksEachWithinTheLimitAndTheSameAttributes() {
    Flagon flagon = Flagon.create(config().build());
    CookieJar jar = new CookieJar();
    String data = noise(9000, 1);
    CookieUpdate update = save(flagon, jar, data);

    List<String> headers = update.setCookieHeaders();
    assertThat(headers).hasSize(3); // (encrypted: 4, in flagon-encrypted's EncryptedSessionTest)
    assertThat(headers.get(0)).startsWith("session=" + headers.size() + "~");
    assertThat(headers.get(1)).startsWith("session.1=");
    assertThat(headers.get(2)).startsWith("session.2=");
    String attributes = headers.get(0).substring(headers.get(0).indexOf(';'));
    assertThat(attributes).startsWith("; Domain=example.com; Expires=")
        .endsWith("; Secure; HttpOnly; Path=/; SameSite=Lax");
    for (String header : headers) {
      assertThat(header.length()).isLessThanOrEqualTo(4093);
      assertThat(header.substring(header.indexOf(';'))).isEqualTo(attributes);
    }
    assertThat(flagon.open(jar.header()).get("data")).isEqualTo(data);
  }

  @Test
  void split_chunkFromAnotherSession_failsVerificationAsOneValue() {
    Flagon flagon = Flagon.create(config().build());
    CookieJar alice = new CookieJar();
    CookieJar mallory = new CookieJar();
    save(flagon, alice, noise(6000, 2));
    save(flagon, mallory, noise(6000, 3));
    alice.put("session.1", mallory.get("session.1"));
    assertThat(flagon.open(alice.header()).toMap()).isEmpty();
  }

  @Test
  void split_missingOrReorderedChunk_isAFreshSession() {
    Flagon flagon = Flagon.create(config().build());
    CookieJar jar = new CookieJar();
    save(flagon, jar, noise(9000, 4));
    CookieJar swapped = new CookieJar().put("session", jar.get("session")).put("session.1", jar.get("session.2"))
        .put("session.2", jar.get("session.1"));
    assertThat(flagon.open(swapped.header()).toMap()).isEmpty();
    CookieJar missing = new CookieJar().put("session", jar.get("session")).put("session.1", jar.get("session.1"));
    assertThat(flagon.open(missing.header()).toMap()).isEmpty();
  }

  @Test
  void split_shrinkingSession_deletesTheChunksNoLongerNeeded() {
    Flagon flagon = Flagon.create(config().build());
    CookieJar jar = new CookieJar();
    save(flagon, jar, noise(9000, 5));
    assertThat(jar.all()).containsOnlyKeys("session", "session.1", "session.2");

    CookieUpdate update = save(flagon, jar, noise(5000, 6));
    assertThat(update.setCookieHeaders()).hasSize(3);
    assertThat(update.setCookieHeaders().get(2)).startsWith("session.2=; Domain=example.com; Expires=Thu, 01 Jan"
        + " 1970 00:00:00 GMT; Max-Age=0; Secure; HttpOnly; Path=/; SameSite=Lax");
    assertThat(jar.all()).containsOnlyKeys("session", "session.1");

    save(flagon, jar, "small again");
    assertThat(jar.all()).containsOnlyKeys("session");
    assertThat(flagon.open(jar.header()).get("data")).isEqualTo("small again");
  }

  @Test
  void split_emptiedSession_deletesTheMainCookieAndEveryChunk() {
    Flagon flagon = Flagon.create(config().build());
    CookieJar jar = new CookieJar();
    save(flagon, jar, noise(9000, 7));
    Session session = flagon.open(jar.header());
    session.clear();
    jar.apply(flagon.save(session));
    assertThat(jar.all()).isEmpty();
  }

  @Test
  void split_staleChunkFromAnOlderResponse_isIgnoredThanksToTheCount() {
    Flagon flagon = Flagon.create(config().build());
    CookieJar jar = new CookieJar();
    save(flagon, jar, noise(9000, 8));
    String stale = jar.get("session.2");
    save(flagon, jar, "small");
    jar.put("session.2", stale); // a racing response left it behind
    assertThat(flagon.open(jar.header()).get("data")).isEqualTo("small");
  }

  @Test
  void split_beyondMaxChunks_throwsNamingTheLargestKeys() {
    Flagon flagon = Flagon.create(config().maxChunks(2).build());
    assertThat(save(flagon, new CookieJar(), noise(5000, 9)).setCookieHeaders()).hasSize(2);
    assertThatThrownBy(() -> save(flagon, new CookieJar(), noise(9000, 10)))
        .isInstanceOf(CookieTooLargeException.class).hasMessageContaining("SESSION_MAX_CHUNKS=2")
        .hasMessageContaining("[data");
  }

  @Test
  void split_malformedCount_isAFreshSession() {
    Flagon flagon = Flagon.create(config().build());
    for (String value : List.of("1~abc", "17~abc", "0~abc", "x~abc", "02~abc", "~abc")) {
      assertThat(flagon.open("session=" + value + "; session.1=abc").toMap()).as(value).isEmpty();
    }
  }

  @Test
  void notSplit_chunkCookiesAreNeitherReadNorDeleted_asInFlask() {
    Flagon flagon = Flagon.create(config().sizePolicy(SizePolicy.ERROR).build());
    Session session = flagon.open("session.1=abc");
    session.put("a", 1);
    assertThat(flagon.save(session).setCookieHeaders()).hasSize(1);
  }
}
