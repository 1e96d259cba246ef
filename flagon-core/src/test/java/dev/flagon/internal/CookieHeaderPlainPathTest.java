package dev.flagon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The plain-header fast path of CookieHeader.firstValue answers as the general (Werkzeug) scan does. */
class CookieHeaderPlainPathTest {
  private static final List<String> NAMES =
      List.of("session", "session", "sessio", "session2", "xsession", "s", "a b", "sess\\ion");

  /** Asserts agreement and tells which path answered. */
  private static String check(String header, String name) {
    String general = CookieHeader.generalFirstValue(header, name);
    String plain = CookieHeader.plainFirstValue(header, name);
    if (plain != CookieHeader.UNUSUAL) {
      assertThat(plain).as("plain path for %s in [%s]", name, header).isEqualTo(general);
    }
    assertThat(CookieHeader.firstValue(header, name)).as("%s in [%s]", name, header).isEqualTo(general);
    return plain == CookieHeader.UNUSUAL ? "general" : plain == null ? "plain, absent" : "plain, found";
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(NAMES);
  }

  /**
   * Pairs with tricky names, spacing and values, the wanted one anywhere or repeated: half of them of
   * characters the plain path handles, half with quotes, tabs, newlines or non-ASCII spaces mixed in.
   */
  @Provide
  Arbitrary<String> pairedHeaders() {
    return Arbitraries.oneOf(headers(false), headers(true));
  }

  private static Arbitrary<String> headers(boolean unusual) {
    Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(NAMES),
        Arbitraries.of("", " ", "session ", " session", "  session  ", "SESSION", "_ga", "se=ssion"));
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("", "v", "a=b", "=", "x y", " x ", "\\", "\\073", "~!#$%&'()*+-./:<>?@[]^_`{|}",
            "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A", ".eJyrVkrOz0nNVbJSMjIyUqoFAA"),
        Arbitraries.strings().withChars("ab=. ;\\").ofMaxLength(6));
    Arbitrary<String> separator = Arbitraries.of(";", "; ", ";  ", " ;", " ; ", ";;", "; ;");
    if (unusual) {
      name = Arbitraries.oneOf(name,
          Arbitraries.of("x\ty", "\u00a0session", "session\u001f", "\u3000session\r", "se\"ssion", "a\nb"));
      value = Arbitraries.oneOf(value, Arbitraries.strings().withChars("ab=. \";\\\n").ofMaxLength(6),
          Arbitraries.of("\"q\"", "\"a;b\"", "\"a", "\t", "\n", "\u00e9", "\u00a0v", "v\u00a0", "\u007f",
              "\u0085v\u2003", "\u000bv\u000c", "\u001cv\u001d", "v\r", "\u200bv"));
      separator = Arbitraries.oneOf(separator, Arbitraries.of(";\t", "\n;", "; \u00a0", "\r;\u000b", ";\u3000"));
    }
    Arbitrary<String> equals = Arbitraries.of("=", "=", "=", " = ", "= ", " =", "", "==");
    Arbitrary<String> pair = Combinators.combine(name, equals, value).as((n, e, v) -> n + e + v);
    return Combinators.combine(pair.list().ofMinSize(1).ofMaxSize(6), separator.list().ofSize(6),
        Arbitraries.of("", "", ";", " ", "; "), Arbitraries.of("", "", ";", " ", "; "))
        .as((pairs, seps, lead, tail) -> {
          StringBuilder header = new StringBuilder(lead);
          for (int i = 0; i < pairs.size(); i++) {
            header.append(i == 0 ? "" : seps.get(i)).append(pairs.get(i));
          }
          return header.append(tail).toString();
        });
  }

  @Property(tries = 5000)
  void firstValue_pairedHeaders_plainPathAgreesWithGeneral(
      @ForAll("pairedHeaders") String header, @ForAll("names") String name) {
    Statistics.label("path").collect(check(header, name));
    Statistics.label("path").coverage(c -> {
      c.check("plain, found").percentage(p -> p > 10);
      c.check("plain, absent").percentage(p -> p > 5);
      c.check("general").percentage(p -> p > 5);
    });
  }

  @Property(tries = 5000)
  void firstValue_randomText_plainPathAgreesWithGeneral(@ForAll("names") String name,
      @ForAll("randomHeaders") String header) {
    check(header, name);
  }

  @Provide
  Arbitrary<String> randomHeaders() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("sesion2=; \"\\\tx\u00a0\r\n\u001c\u0085").ofMaxLength(40),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
        Arbitraries.strings().ofMaxLength(20));
  }

  @Example
  void plainPath_typicalBrowserHeader_findsTheCookieAnywhere() {
    String value = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A";
    for (String header : List.of("session=" + value + "; _ga=GA1.2.3; theme=dark",
        "_ga=GA1.2.3; session=" + value + "; theme=dark", "_ga=GA1.2.3;theme=dark;session=" + value,
        "sessionx=1; sessio=2; xsession=3; session = " + value + " ; session=second")) {
      assertThat(CookieHeader.plainFirstValue(header, "session")).as(header).isEqualTo(value);
      check(header, "session");
    }
  }

  @Example
  void plainPath_absentOrPrefixOnly_isNullWithoutTheGeneralScan() {
    assertThat(CookieHeader.plainFirstValue("sessionx=1; sessio=2; session2=3", "session")).isNull();
    assertThat(CookieHeader.plainFirstValue("", "session")).isNull();
  }

  @Example
  void plainPath_quoteBeforeTheAnswer_defersToTheGeneralScan() {
    assertThat(CookieHeader.plainFirstValue("a=\"x;session=1\"; session=2", "session"))
        .isSameAs(CookieHeader.UNUSUAL);
    assertThat(CookieHeader.firstValue("a=\"x;session=1\"; session=2", "session")).isEqualTo("2");
  }
}
