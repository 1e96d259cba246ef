package dev.flagon.internal;

import static dev.flagon.testing.PlainJson.list;
import static dev.flagon.testing.PlainJson.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.WerkzeugCookie;
import dev.flagon.testing.PlainJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the Cookie request header as Werkzeug's parse_cookie does (spec 7.6). */
class CookieHeaderTest {

  private static String session(String... headers) {
    return WerkzeugCookie.firstValue(Arrays.asList(headers), "session");
  }

  @Test
  void firstValue_nameRepeated_firstWins() {
    assertThat(session("session=first; session=second")).isEqualTo("first");
  }

  @Test
  void firstValue_nameInTwoHeaders_firstHeaderWins() {
    assertThat(session("a=1", "session=one", "session=two")).isEqualTo("one");
  }

  @Test
  void firstValue_otherCookiesAndSpaces_areTrimmed() {
    assertThat(session("other=1;  session = v.a.l ; x=2")).isEqualTo("v.a.l");
  }

  @Test
  void firstValue_emptyNames_areSkipped() {
    assertThat(session("=novalue; ; =x; session=v")).isEqualTo("v");
  }

  @Test
  void firstValue_quoted_isUnquotedWithEscapes() {
    assertThat(session("session=\"a\\\"b\\\\c\"")).isEqualTo("a\"b\\c");
  }

  @Test
  void firstValue_octalEscapes_areUtf8Bytes() {
    assertThat(session("session=\"\\101\\102\\303\\251\"")).isEqualTo("ABé");
  }

  @Test
  void firstValue_octalAbove377_isNotAnEscape() {
    assertThat(session("session=\"\\400\"")).isEqualTo("400");
  }

  @Test
  void firstValue_quotedSemicolon_staysInTheValue() {
    assertThat(session("session=\"x;y\"; a=1")).isEqualTo("x;y");
  }

  @Test
  void firstValue_nameWithoutValue_isEmpty() {
    assertThat(session("session; session=later")).isEmpty();
  }

  @Test
  void firstValue_missingOrNoHeaders_isNull() {
    assertThat(session("other=1")).isNull();
    assertThat(session()).isNull();
    assertThat(session((String) null)).isNull();
    assertThat(session("")).isNull();
  }

  @Test
  void firstValue_nameCase_matters() {
    assertThat(session("SESSION=upper; session=lower")).isEqualTo("lower");
  }

  @Test
  void firstValue_longQuotedValue_doesNotOverflow() {
    String header = "session=\"" + "\\\\a".repeat(200_000) + "\"";
    assertThat(session(header)).hasSize(400_000);
  }

  /** Werkzeug 3.1.8's answers, recorded by resources/session/gen_werkzeug_cases.py. */
  @Test
  void firstValue_recordedWerkzeugCases_allMatch() {
    List<Object> cases = list(PlainJson.resource("/session/werkzeug-cases.json").get("cookie_header"));
    assertThat(cases).hasSizeGreaterThan(400);
    for (Object c : cases) {
      String header = (String) map(c).get("header");
      assertThat(WerkzeugCookie.firstValue(List.of(header), "session")).as("%s", header)
          .isEqualTo(map(c).get("session"));
      Map<String, Object> firstByName = new LinkedHashMap<>();
      for (Object pair : list(map(c).get("all"))) {
        firstByName.putIfAbsent((String) list(pair).get(0), list(pair).get(1));
      }
      firstByName.forEach((name, value) ->
          assertThat(WerkzeugCookie.firstValue(List.of(header), name)).as("%s in %s", name, header).isEqualTo(value));
    }
  }

  @Test
  void pythonStrip_stripsUnicodeSpacesLikePython() {
    assertThat(Python.strip("\u00a0\u2003\u001c x \u3000\u0085")).isEqualTo("x");
    assertThat(Python.strip("\u200bx")).isEqualTo("\u200bx");
  }
}
