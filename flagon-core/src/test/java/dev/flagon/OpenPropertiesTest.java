package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.codec.BadPayloadException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a client sends in Cookie headers, open gives a session; only a validly signed bad payload throws. */
class OpenPropertiesTest {
  private static final Flagon FLAGON = Flagon.create(FlagonConfig.builder().secretKey("http-public-secret")
      .clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC)).build());
  private static final String VALID = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A";

  @Provide
  Arbitrary<String> cookieHeaders() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of("session=", "session", "=", ";", "; ", " ", "\"", "\\", "\\073", "\\377", ".", "\n", "\t",
            "other=1", VALID, "ZVPxAA", "eyJ", "\u00e9", "\u00a0", "\uD83D\uDE00", "\uD800"),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(6),
        Arbitraries.strings().withChars("ABCabc012-_.=").ofMaxLength(40));
    return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
  }

  @Property(tries = 2000)
  void open_anyCookieHeader_givesASessionOrBadPayload(@ForAll("cookieHeaders") String header) {
    try {
      Session session = FLAGON.open(header);
      assertThat(session.isAccessed()).isFalse();
      assertThat(session.isModified()).isFalse();
    } catch (BadPayloadException expectedOnlyWithTheKey) {
      // Needs a valid signature: not reachable by a client without the key, but allowed by the contract.
    }
  }

  @Property(tries = 1000)
  void open_anyUnicodeHeader_neverThrows(@ForAll String header) {
    assertThat(FLAGON.open(header, "session=" + header)).isNotNull();
  }

  @Property(tries = 500)
  void firstValue_validCookieAfterJunk_isFoundWhenNoSessionPairPrecedesIt(
      @ForAll("cookieHeaders") String junk) {
    String header = junk.replace("session", "x").replace("\"", "").replace("\n", "") + "; session=" + VALID;
    assertThat(WerkzeugCookie.firstValue(List.of(header), "session")).isEqualTo(VALID);
  }
}
