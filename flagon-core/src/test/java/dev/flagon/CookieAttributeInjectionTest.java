package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Configured cookie attributes can never add a header or an attribute to {@code Set-Cookie} (issue 11, item
 * 4): separators and control characters are refused when the configuration is built, naming the setting.
 */
class CookieAttributeInjectionTest {
  private static final String STRONG = "3f9c1be0a47d52e6b8c01f2a9d7e6c45";

  private static FlagonConfig.Builder strong() {
    return FlagonConfig.builder().secretKey(STRONG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com\r\n\r\n<h1>body", "example.com\n", "example.com\r", "a;b.com",
      "example.com; SameSite=None", "a,b.com", "a b.com", "a\u0000b.com", "a\tb.com", "a\u007fb.com",
      "a\u0085b.com", "a\u000bb.com", "example.com:80\r\nX: y", "a\"b.com", "a=b.com", "[::1]",
      "a\u00a0b.com", "a\u2028b.com"})
  void build_domainWithSeparatorOrControlCharacter_isRefusedNamingTheSetting(String domain) {
    assertThatThrownBy(() -> strong().cookieDomain(domain).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SESSION_COOKIE_DOMAIN")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f\\x7f\\x85\\u2028]"));
  }

  @Test
  void build_domainInjectingSameSiteNone_cannotBypassTheSecureRule() {
    assertThatThrownBy(() -> FlagonConfig.fromMap(Map.of("SECRET_KEY", STRONG,
        "SESSION_COOKIE_DOMAIN", "example.com; SameSite=None", "SESSION_COOKIE_SAMESITE", "Lax")))
        .hasMessageContaining("SESSION_COOKIE_DOMAIN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/app\r\nX-Injected: 1", "/app\u0000", "/a\tb", "/a\u007f"})
  void build_pathOrRootWithControlCharacter_isRefusedNamingTheSetting(String path) {
    assertThatThrownBy(() -> strong().cookiePath(path).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SESSION_COOKIE_PATH");
    assertThatThrownBy(() -> strong().applicationRoot(path).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("APPLICATION_ROOT");
  }

  @Test
  void save_hostNamesWerkzeugAccepts_areStillWritten() {
    for (String domain : new String[] {"example.com", ".Example.com", "localhost:5000", "b\u00fccher.de",
        "example.com.", "a_b.example.com", "10.0.0.1"}) {
      FlagonConfig config = strong().cookieDomain(domain).build();
      Session session = Flagon.create(config).open();
      session.put("a", 1);
      assertThat(Flagon.create(config).save(session).setCookieHeaders().get(0)).as(domain)
          .containsPattern("; Domain=[A-Za-z0-9._-]+; ").doesNotContainPattern("[\\x00-\\x1f]");
    }
  }

  /**
   * Whatever text configures the name, domain, path and root: either the build fails naming a setting, or
   * every header carries exactly the configured attributes, with no control character and no separator.
   */
  @Property(tries = 1000)
  void build_anyConfiguredText_failsOrWritesOnlyItsOwnAttributes(@ForAll("hostile") String name,
      @ForAll("hostile") String domain, @ForAll("hostile") String path, @ForAll("hostile") String root) {
    FlagonConfig config = null;
    try {
      config = strong().cookieName(name).cookieDomain(domain).cookiePath(path).applicationRoot(root).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      assertThat(e.getMessage())
          .containsPattern("SESSION_COOKIE_NAME|SESSION_COOKIE_DOMAIN|SESSION_COOKIE_PATH|APPLICATION_ROOT")
          .doesNotContainPattern("[\\x00-\\x1f\\x7f]");
    }
    Statistics.label("built").collect(config != null);
    Statistics.label("built").coverage(coverage -> coverage.check(true).percentage(p -> p > 20));
    if (config == null) {
      return;
    }
    Flagon flagon = Flagon.create(config);
    Session session = flagon.open();
    session.put("a", 1);
    String set = flagon.save(session).setCookieHeaders().get(0);
    Session reopened = flagon.open(List.of(set.substring(0, set.indexOf(';'))));
    reopened.clear();
    for (String header : List.of(set, flagon.save(reopened).setCookieHeaders().get(0))) {
      assertThat(header).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\uffff]");
      List<String> attributes = new ArrayList<>(List.of(header.split("; ")));
      assertThat(attributes.remove(0)).startsWith(name + "=");
      for (String attribute : attributes) {
        assertThat(attribute).matches("Domain=[A-Za-z0-9._-]+|Path=[^;]+|HttpOnly|Expires=.*GMT|Max-Age=0");
      }
    }
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.of('\r', '\n', ';', ',', ' ', '\0', '\t',
        '=', '"', '.', ':', '/', '\u00a0', '\u0085', '\u2028', '\u00fc', '\ud800'),
        Arbitraries.chars().alpha(), Arbitraries.chars().numeric());
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.strings().withChars('a', 'b', '.').ofMinLength(1)
        .ofMaxLength(4).map(s -> s.replace("..", ".a"))), Tuple.of(1, chars.list().ofMaxSize(12)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat))));
  }
}
