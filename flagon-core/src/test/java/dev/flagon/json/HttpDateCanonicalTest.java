package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Every date Flask writes reads back as itself. */
class HttpDateCanonicalTest {
  /** Werkzeug's http_date: {@code %a, %d %b %Y %H:%M:%S GMT} in English. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

  @Property(tries = 3000)
  void readsEveryDateFlaskWrites(
      @ForAll @LongRange(min = -59_011_459_200L, max = 253_402_300_799L) long epochSecond) {
    OffsetDateTime time = Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC);
    String text = HTTP_DATE.format(time);

    assertThat(HttpDateParser.parse(text)).isEqualTo(time);
  }
}
