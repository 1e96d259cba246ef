package dev.flagon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.WerkzeugCookie;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Reading a Cookie header costs work linear in its length, whatever it holds: counted as characters read
 * plus characters copied, through a {@link CharSequence} that counts, never timed. A benign 64 KB header
 * sets the yardstick; hostile ones of the same length (long whitespace runs between {@code =} and
 * {@code ;}, quotes, unterminated quotes, backslashes, newlines, chunk names) must stay within a small
 * factor of it, on the plain path, the general scan and the split policy's one-pass read.
 */
class CookieHeaderWorkTest {
  private static final int LENGTH = 64 * 1024;
  /** How many times the benign header's work per character a hostile one may cost (measured: at most 2.1). */
  private static final double FACTOR = 3;
  private static final int MIN_LENGTH = 16;

  /** A header that counts every character read ({@code charAt}) and copied ({@code subSequence}). */
  static final class CountingChars implements CharSequence {
    private final String text;
    long work;

    CountingChars(String text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      work++;
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      work += end - start;
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      work += text.length();
      return text;
    }
  }

  /**
   * The work per character of reading the header the two ways Flagon reads one; a header shorter than
   * {@link #MIN_LENGTH} counts as that long, since a few reads of fixed cost dominate a tiny one.
   */
  private static double workPerChar(String header) {
    double worst = 0;
    List<Consumer<CharSequence>> reads = List.of(
        h -> CookieHeader.firstValues(List.of(h), "session"::equals).get("session"),
        h -> CookieHeader.firstValues(List.of(h), n -> n.startsWith("session")));
    for (Consumer<CharSequence> read : reads) {
      CountingChars counted = new CountingChars(header);
      read.accept(counted);
      worst = Math.max(worst, (double) counted.work / Math.max(header.length(), MIN_LENGTH));
    }
    return worst;
  }

  /** {@code piece} repeated to exactly {@link #LENGTH} characters, after a prefix. */
  private static String filled(String prefix, String piece) {
    StringBuilder out = new StringBuilder(prefix);
    while (out.length() < LENGTH) {
      out.append(piece);
    }
    out.setLength(LENGTH);
    return out.toString();
  }

  private static final String BENIGN = filled("", "_ga=GA1.2.345; theme=dark; ") + "; session=eyJ1c2VyIjoxfQ.ZVPxAA.sig";

  private static final Map<String, String> HOSTILE = Map.ofEntries(
      Map.entry("spaces between = and a far ;", filled("\"; a=x", " ") + "y;"),
      Map.entry("one space run, then no ;", filled("\"; session=x", " ") + "y"),
      Map.entry("many space runs", filled("\"; a=", "x" + " ".repeat(1000))),
      Map.entry("tabs and form feeds", filled("\"; a=", "x\t\u000b\f\r ")),
      Map.entry("newline after each =", filled("", "a=\n")),
      Map.entry("newline before the spaces", filled("a=x\n", " ") + ";"),
      Map.entry("newline in the value", filled("a=b\n", " ") + "c;"),
      Map.entry("newline in every value", filled("", "a=b\nc ")),
      Map.entry("many quotes", filled("", "=\"")),
      Map.entry("quoted values not ended by ;", filled("", "a=\"x\" y ")),
      Map.entry("unterminated quote", filled("session=\"", "x")),
      Map.entry("unterminated quote, spaces", filled("session=\"", " ")),
      Map.entry("backslashes", filled("session=\"", "\\")),
      Map.entry("backslash newlines", filled("", "a=\"\\\n")),
      Map.entry("escaped quotes", filled("session=\"", "\\\"")),
      Map.entry("equals signs only", filled("", "=")),
      Map.entry("semicolons only", filled("", ";")),
      Map.entry("chunk names", filled("", "session.1=; session.2=\"; ")),
      Map.entry("long chunk-like names", filled("session.", "1")),
      Map.entry("everything", filled("", "a = \"b\\\" ;\n=\t; session.3=\" ")));

  @Test
  void read_hostile64KHeaders_costWithinASmallFactorOfABenignOne() {
    double benign = workPerChar(BENIGN);
    assertThat(benign).as("benign work per character").isBetween(1.0, 8.0);
    Map<String, Double> work = new TreeMap<>();
    HOSTILE.forEach((name, header) -> work.put(name, workPerChar(header)));
    assertThat(work).allSatisfy((name, perChar) -> assertThat(perChar).as(name).isLessThanOrEqualTo(FACTOR * benign));
  }

  /** Werkzeug 3.1.8's own answers for some of them (from its parse_cookie). */
  @Test
  void read_hostileHeaders_stillAnswerAsWerkzeug() {
    assertThat(WerkzeugCookie.firstValue(List.of(HOSTILE.get("one space run, then no ;")), "session"))
        .isEqualTo("x" + " ".repeat(LENGTH - 12) + "y");
    assertThat(WerkzeugCookie.firstValue(List.of(HOSTILE.get("newline before the spaces")), "a")).isEqualTo("x");
    assertThat(WerkzeugCookie.firstValue(List.of(HOSTILE.get("newline in the value")), "a")).isNull();
    assertThat(WerkzeugCookie.firstValue(List.of(HOSTILE.get("unterminated quote")), "session")).hasSize(LENGTH - 8);
  }

  @Provide
  Arbitrary<String> hostileHeaders() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("=", ";", "\"", "\\", "\n", " ", "\t", "a", "session", "session.1", "=\"", "; ", "\\\""),
        Arbitraries.of(" ", "\t", "x", "\\", "\"", "\n").flatMap(c -> Arbitraries.integers().between(1, 4000)
            .map(c::repeat)));
    return Combinators.combine(piece.list().ofMinSize(1).ofMaxSize(60), Arbitraries.integers().between(1, LENGTH))
        .as((pieces, length) -> {
          StringBuilder out = new StringBuilder();
          for (int i = 0; out.length() < length; i = (i + 1) % pieces.size()) {
            out.append(pieces.get(i));
          }
          return out.toString();
        });
  }

  @Property(tries = 150)
  void read_randomHostileHeaders_costWithinASmallFactorOfABenignOne(@ForAll("hostileHeaders") String header) {
    assertThat(workPerChar(header)).isLessThanOrEqualTo(FACTOR * workPerChar(BENIGN));
  }
}
