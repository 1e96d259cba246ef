package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.internal.Python;
import dev.flagon.testing.PlainJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Set-Cookie values as Werkzeug 3.1 writes them (spec 7.1-7.4). */
class WerkzeugCookieTest {
  private static final String VALUE = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A";

  private static WerkzeugCookie format(String name, String domain, String path, boolean secure,
      SameSite sameSite, boolean partitioned) {
    return WerkzeugCookie.builder(name).domain(domain).path(path).secure(secure).httpOnly(true).sameSite(sameSite)
        .partitioned(partitioned).build();
  }

  private static WerkzeugCookie flaskDefaults() {
    return format("session", null, "/", false, null, false);
  }

  @Test
  void set_flaskDefaults_isNameValueHttpOnlyPath() {
    assertThat(flaskDefaults().set(VALUE, null)).isEqualTo("session=" + VALUE + "; HttpOnly; Path=/");
  }

  @Test
  void set_permanent_addsExpiresBeforeFlags() {
    assertThat(flaskDefaults().set(VALUE, Instant.ofEpochSecond(1_700_003_600)))
        .isEqualTo("session=" + VALUE + "; Expires=Tue, 14 Nov 2023 23:13:20 GMT; HttpOnly; Path=/");
  }

  @Test
  void set_recommendedFlags_secureHttpOnlyPathSameSite() {
    assertThat(format("session", null, "/", true, SameSite.LAX, false).set(VALUE, null))
        .isEqualTo("session=" + VALUE + "; Secure; HttpOnly; Path=/; SameSite=Lax");
  }

  @Test
  void set_customNameDomainPath_domainFirst() {
    assertThat(format("myapp_session", "example.com", "/app", false, null, false).set(VALUE, null))
        .isEqualTo("myapp_session=" + VALUE + "; Domain=example.com; HttpOnly; Path=/app");
  }

  @Test
  void set_partitioned_forcesSecureAndComesLast() {
    assertThat(format("session", null, "/", false, null, true).set(VALUE, null))
        .isEqualTo("session=" + VALUE + "; Secure; HttpOnly; Path=/; Partitioned");
  }

  @Test
  void set_allAttributes_inWerkzeugOrder() {
    WerkzeugCookie all = WerkzeugCookie.builder("s").domain("a.org").path("/p").secure(true).httpOnly(false)
        .sameSite(SameSite.STRICT).partitioned(true).build();
    assertThat(all.set("v", Instant.ofEpochSecond(0)))
        .isEqualTo("s=v; Domain=a.org; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; Path=/p; SameSite=Strict;"
            + " Partitioned");
  }

  @Test
  void delete_flaskDefaults_isEpochExpiresAndMaxAgeZero() {
    assertThat(flaskDefaults().delete())
        .isEqualTo("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/");
  }

  @Test
  void delete_withEveryAttribute_keepsTheSameAttributes() {
    assertThat(format("myapp_session", "example.com", "/app", true, SameSite.LAX, true).delete())
        .isEqualTo("myapp_session=; Domain=example.com; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0;"
            + " Secure; HttpOnly; Path=/app; SameSite=Lax; Partitioned");
  }

  @Test
  void encodeDomain_portLeadingDotsAndUnicodeLabel_likeWerkzeug() {
    assertThat(WerkzeugCookie.encodeDomain("D", ".Ärzte.Example.org:8080")).isEqualTo("xn--rzte-koa.Example.org");
  }

  @Test
  void encodeDomain_asciiLabels_keepTheirCase() {
    assertThat(WerkzeugCookie.encodeDomain("D", "..WWW.Example.COM")).isEqualTo("WWW.Example.COM");
  }

  @Test
  void encodeDomain_nonAsciiLabel_isLowerCasedBeforePunycode() {
    assertThat(WerkzeugCookie.encodeDomain("D", "BÜCHER.de")).isEqualTo("xn--bcher-kva.de");
  }

  @Test
  void encodeDomain_ideographicDot_separatesLabels() {
    assertThat(WerkzeugCookie.encodeDomain("D", "bücher\u3002de")).isEqualTo("xn--bcher-kva.de");
  }

  @Test
  void encodeDomain_trailingDot_isKept() {
    assertThat(WerkzeugCookie.encodeDomain("D", "example.com.")).isEqualTo("example.com.");
  }

  @Test
  void encodeDomain_nothingLeft_isOmitted() {
    assertThat(WerkzeugCookie.encodeDomain("D", "...")).isNull();
    assertThat(WerkzeugCookie.encodeDomain("D", ":8080")).isNull();
    assertThat(format("session", ".", "/", false, null, false).set("v", null)).isEqualTo("session=v; HttpOnly; Path=/");
  }

  @Test
  void encodeDomain_emptyLabelInTheMiddle_isRejected() {
    assertThatThrownBy(() -> WerkzeugCookie.encodeDomain("D", "a..b")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void encodeDomain_labelOver63_isRejected() {
    assertThatThrownBy(() -> WerkzeugCookie.encodeDomain("D", "a".repeat(64) + ".org"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void encodePath_spaceAndSemicolon_arePercentEncoded() {
    assertThat(WerkzeugCookie.encodePath("/a b;c")).isEqualTo("/a%20b%3Bc");
  }

  @Test
  void encodePath_safeSetAndExistingEscapes_passThrough() {
    String safe = "/AZaz09_.-~%!$&'()*+,/:=@";
    assertThat(WerkzeugCookie.encodePath(safe)).isEqualTo(safe);
    assertThat(WerkzeugCookie.encodePath("/%7E")).isEqualTo("/%7E");
  }

  @Test
  void encodePath_unicodeAndSpecials_areUtf8UpperHex() {
    assertThat(WerkzeugCookie.encodePath("/é\"<>?#[]^`{|}\\")).isEqualTo("/%C3%A9%22%3C%3E%3F%23%5B%5D%5E%60%7B%7C%7D%5C");
  }

  @Test
  void quoteValue_sessionAlphabetAndEmpty_areNotQuoted() {
    assertThat(WerkzeugCookie.quoteValue(VALUE)).isEqualTo(VALUE);
    assertThat(WerkzeugCookie.quoteValue(".eJ-_x")).isEqualTo(".eJ-_x");
    assertThat(WerkzeugCookie.quoteValue("")).isEqualTo("");
    assertThat(WerkzeugCookie.quoteValue("!#$%&'()*+-./:<=>?@[]^`{|}~")).isEqualTo("!#$%&'()*+-./:<=>?@[]^`{|}~");
  }

  @Test
  void quoteValue_specials_areQuotedWithBackslashAndOctalEscapes() {
    // Checked against werkzeug.http.dump_cookie 3.1.8.
    assertThat(WerkzeugCookie.quoteValue("a b\"\\;,\u0001\u001a\u007fé"))
        .isEqualTo("\"a b\\\"\\\\\\073\\054\\001\u001a\\177\\303\\251\"");
  }

  @Test
  void quoteValue_everyChar_unquotedExactlyWhenAlnumOrSafe() {
    String safe = "_!#$%&'()*+-./:<=>?@[]^`{|}~";
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      boolean expected = (c < 128 && Character.isLetterOrDigit(c)) || safe.indexOf(c) >= 0;
      String value = "a" + c + "b";
      assertThat(WerkzeugCookie.quoteValue(value) == value).as("U+%04X", (int) c).isEqualTo(expected);
    }
  }

  @Test
  void httpDate_padsDayAndYear() {
    assertThat(Python.httpDate(Instant.parse("0099-03-05T01:02:03.999Z").getEpochSecond()))
        .isEqualTo("Thu, 05 Mar 0099 01:02:03 GMT");
  }

  /** The layout String.format gave: {@code %04d} keeps a fifth digit and writes a sign before four. */
  @Property(tries = 3000)
  void httpDate_anyInstant_asStringFormatWritesIt(@ForAll("instants") Instant instant) {
    ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
    String expected = String.format(Locale.ROOT, "%s, %02d %s %04d %02d:%02d:%02d GMT",
        t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT),
        t.getDayOfMonth(), t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT),
        t.getYear(), t.getHour(), t.getMinute(), t.getSecond());
    assertThat(Python.httpDate(instant.getEpochSecond())).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Instant> instants() {
    long year0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long year10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
    return Arbitraries.oneOf(
        Arbitraries.longs().between(year0, year10000 - 1),
        Arbitraries.longs().between(1_600_000_000L, 2_100_000_000L),
        Arbitraries.longs().between(year0 - 400L * 366 * 86400, year0 + 86400),
        Arbitraries.longs().between(year10000 - 86400, year10000 + 400L * 366 * 86400))
        .map(Instant::ofEpochSecond);
  }

  /**
   * Flask-Login's remember cookie, which Werkzeug 3.1 wrote (headers recorded from its {@code Response}):
   * {@code _set_cookie} with the {@code REMEMBER_COOKIE_*} attributes and microseconds in the expiry, and
   * {@code _clear_cookie}'s {@code delete_cookie(name, domain=..., path=...)}, which passes nothing else.
   */
  @Test
  void rememberCookie_setAndClearedAsFlaskLoginAsksWerkzeug() {
    WerkzeugCookie remember = WerkzeugCookie.builder("remember_token").httpOnly(true).build();
    assertThat(remember.set("12345|abcdef", Instant.parse("2024-11-14T22:13:20.123456Z")))
        .isEqualTo("remember_token=12345|abcdef; Expires=Thu, 14 Nov 2024 22:13:20 GMT; HttpOnly; Path=/");
    assertThat(WerkzeugCookie.builder("remember_token").build().delete())
        .isEqualTo("remember_token=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
    assertThat(WerkzeugCookie.builder("remember_token").domain(".example.com").path("/app").build().delete())
        .isEqualTo("remember_token=; Domain=example.com; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/app");
    assertThat(WerkzeugCookie.builder("remember_token").path(null).build().delete())
        .isEqualTo("remember_token=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0");
  }

  @Test
  void build_badAttributes_nameTheSettingTheyCameFrom() {
    assertThatThrownBy(() -> WerkzeugCookie.builder("remember_token").settingPrefix("REMEMBER_COOKIE_")
        .domain("example.com; SameSite=None").build()).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("REMEMBER_COOKIE_DOMAIN has a control character, a space, ';' or ','");
    assertThatThrownBy(() -> WerkzeugCookie.builder("remember_token").settingPrefix("REMEMBER_COOKIE_")
        .path("/a\r\nX: 1").build()).hasMessageStartingWith("REMEMBER_COOKIE_PATH has a control character");
    assertThatThrownBy(() -> WerkzeugCookie.builder("remember token").settingPrefix("REMEMBER_COOKIE_").build())
        .hasMessage("REMEMBER_COOKIE_NAME must be a non-empty HTTP token (letters, digits and !#$%&'*+-.^_`|~)");
    assertThatThrownBy(() -> WerkzeugCookie.builder("s").domain("a..b").build())
        .hasMessageStartingWith("the cookie's Domain cannot be encoded");
  }

  /** Werkzeug 3.1.8's dump_cookie, recorded by resources/session/gen_werkzeug_cases.py. */
  @Test
  void set_recordedWerkzeugCases_allMatch() {
    List<Object> cases = PlainJson.list(PlainJson.resource("/session/werkzeug-cases.json").get("set_cookie"));
    assertThat(cases).hasSizeGreaterThan(60);
    for (Object o : cases) {
      Map<String, Object> c = PlainJson.map(o);
      String name = ((String) c.get("header")).substring(0, ((String) c.get("header")).indexOf('='));
      WerkzeugCookie format = WerkzeugCookie.builder(name).domain((String) c.get("domain"))
          .path((String) c.get("path")).secure((Boolean) c.get("secure")).httpOnly((Boolean) c.get("httponly"))
          .sameSite(Optional.ofNullable((String) c.get("samesite"))
              .map(s -> SameSite.valueOf(s.toUpperCase(Locale.ROOT))).orElse(null))
          .partitioned((Boolean) c.get("partitioned")).build();
      Instant expires = c.get("expires") == null ? null : Instant.ofEpochSecond(((Number) c.get("expires")).longValue());
      assertThat(format.set((String) c.get("value"), expires)).as("%s", c).isEqualTo(c.get("header"));
    }
  }
}
