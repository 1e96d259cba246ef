package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cookie page decodes cookies it has not verified, from anyone: within the same bounds as a verified
 * one, and shown readably (bytes as Python shows them) and in bounded size.
 */
class CookiePageTest {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final FlagonConfig CONFIG = FlagonConfig.builder().secretKey("cookie-page-test-secret-key").build();

  /** A cookie made with a key the demo does not have: the page must decode it all the same. */
  private static String foreignCookie(String json) {
    return UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText("someone-elses-key-0000001")), Signing.flask())
        .dumps(json, 1_700_000_000L);
  }

  private static String page(String cookie) {
    UnsignedCookie decoded;
    try {
      decoded = UnsignedCookie.decode(cookie, TaggedJson.standard());
    } catch (RuntimeException e) {
      decoded = null; // as DemoServlet does
    }
    return DemoPages.cookie(CookieKind.SIGNED, "session", cookie, decoded, Set.of());
  }

  @Test
  void cookiePage_bytesInTheSession_showAsPythonBytes() {
    Flagon flagon = Flagon.create(CONFIG);
    Session session = flagon.open();
    session.put("avatar", new byte[] {0, 'a', 'b', (byte) 0xff, '\n'});
    session.put("nested", List.of(new byte[] {'x'}, "y"));
    String cookie = TestHttp.cookiePair(flagon.save(session).setCookieHeaders().get(0)).substring("session=".length());

    String page = page(cookie);

    assertThat(page).contains("b&#x27;\\x00ab\\xff\\n&#x27;", "[b&#x27;x&#x27;, y]").doesNotContain("[B@");
  }

  @Test
  void valueText_bytes_quoteAsPythonDoes() {
    assertThat(ValueText.of(new byte[] {'i', 't', '\'', 's'}, 100)).isEqualTo("b\"it's\"");
    assertThat(ValueText.of(new byte[] {'"', '\'', '\\', 0x7f}, 100)).isEqualTo("b'\"\\'\\\\\\x7f'");
    assertThat(ValueText.of(new byte[0], 100)).isEqualTo("b''");
  }

  @Test
  void cookiePage_largeSession_isCutNotRenderedWhole() {
    String cookie = foreignCookie("{\"big\":\"" + "x".repeat(400_000) + "\",\"list\":[" + "1,".repeat(5000) + "1]}");

    String page = page(cookie);

    assertThat(page).contains("x\u2026").hasSizeLessThan(32 * 1024 + cookie.length());
  }

  /** Issue 11: a 1 KB cookie of a tuple of half a million characters, and one of empty dicts. */
  @Test
  void unsignedCookie_hostileCookies_areRefusedWithinTheDecodingBound() {
    for (String json : List.of("{\"a\":{\" t\":\"" + "x".repeat(500_000) + "\"}}",
        "{\"a\":[" + "{},".repeat(170_000) + "{}]}")) {
      String cookie = foreignCookie(json);
      assertThat(cookie.length()).isLessThan(2048);
      assertThatThrownBy(() -> UnsignedCookie.decode(cookie, TaggedJson.standard()))
          .isInstanceOf(TaggedJsonException.class).hasMessageContaining("a Flagon limit");

      page(cookie); // warm
      long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
      String page = page(cookie);
      long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

      assertThat(page).contains("This cookie cannot be decoded.");
      assertThat(allocated).as("bytes allocated by the page").isLessThan(16L << 20);
    }
  }
}
