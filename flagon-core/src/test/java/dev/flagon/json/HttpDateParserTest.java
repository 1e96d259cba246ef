package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Werkzeug's parse_date leniency (spec 5.2); expectations computed with Python 3.11 + Werkzeug 3.1. */
class HttpDateParserTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
    "Mon, 15 Jan 2024 12:30:45 GMT       | 2024-01-15T12:30:45Z",
    "15 Jan 2024 12:30:45 GMT            | 2024-01-15T12:30:45Z",
    "Mon, 15 Jan 2024 12:30 GMT          | 2024-01-15T12:30:00Z",
    "15 Jan 2024 12:30:45 UT             | 2024-01-15T12:30:45Z",
    "15 Jan 2024 12:30:45 Z              | 2024-01-15T12:30:45Z",
    "15 Jan 2024 12:30:45 +0000          | 2024-01-15T12:30:45Z",
    "15 Jan 2024 12:30:45 -0000          | 2024-01-15T12:30:45Z",
    "15 Jan 2024 12:30:45                | 2024-01-15T12:30:45Z",
    "15 Jan 2024 12:30:45 -0500          | 2024-01-15T12:30:45-05:00",
    "15 Jan 2024 12:30:45 EST            | 2024-01-15T12:30:45-05:00",
    "15 Jan 2024 12:30:45 pdt            | 2024-01-15T12:30:45-07:00",
    "15 Jan 42 12:30:45 GMT              | 2042-01-15T12:30:45Z",
    "15 Jan 0075 12:30:45 GMT            | 1975-01-15T12:30:45Z",
    "15 Jan 69 12:30:45 GMT              | 1969-01-15T12:30:45Z",
    "15 Jan 68 12:30:45 GMT              | 2068-01-15T12:30:45Z",
    "Monday, 15-Jan-24 12:30:45 GMT      | 2024-01-15T12:30:45Z",
    "Mon Jan 15 12:30:45 2024            | 2024-01-15T12:30:45Z",
    "15 Jan 2024 12:30:45+0100           | 2024-01-15T12:30:45+01:00",
    "15 Jan 2024 12:30:45 +0099          | 2024-01-15T12:30:45+01:39",
    "15 Jan 2024 12.30.45 GMT            | 2024-01-15T12:30:45Z",
    "Jan 15, 2024 12:30:45 GMT           | 2024-01-15T12:30:45Z",
    "15 January 2024 12:30:45 GMT        | 2024-01-15T12:30:45Z",
    "15 Jan 2024 12:30:45 +05:30         | 2024-01-15T12:30:45Z",
    "'Mon,15 Jan 2024 12:30:45 GMT'      | 2024-01-15T12:30:45Z",
    "15 Jan 2024 12:30:45 GMT extra junk | 2024-01-15T12:30:45Z",
    "15\u00a0Jan\u20032024 12:30:45 GMT  | 2024-01-15T12:30:45Z",
    "15 Jan 2024 12:30:45 +2400          | None",
    "garbage                             | None",
    "32 Jan 2024 12:00 GMT               | None",
    "29 Feb 2023 12:00 GMT               | None",
    "15 Foo 2024 12:00 GMT               | None",
    "15 Jan 10000 12:00 GMT              | None",
    "15 Jan 2024 24:00 GMT               | None",
    "15 Jan -5 12:00 GMT                 | None",
    "''                                  | None",
    "'   '                               | None",
  })
  void parse_lenientForms_matchWerkzeug(String text, String expected) {
    OffsetDateTime parsed = HttpDateParser.parse(text);

    if (expected.equals("None")) {
      assertThat(parsed).isNull();
    } else {
      assertThat(parsed).isEqualTo(OffsetDateTime.parse(expected));
    }
  }

  @Test
  void parse_offsetBeyondJavaRange_keepsTheInstantInUtc() {
    OffsetDateTime parsed = HttpDateParser.parse("15 Jan 2024 12:30:45 +1900");

    assertThat(parsed).isEqualTo(OffsetDateTime.parse("2024-01-14T17:30:45Z"));
  }

  @Test
  void parse_valuesPythonOverflowsOn_failLikeFlask() {
    assertThatThrownBy(() -> HttpDateParser.parse("15 Jan 2024 12:30:45 +99999999999999"))
        .isInstanceOf(TaggedJsonException.class);
    assertThatThrownBy(() -> HttpDateParser.parse("15 Jan 99999999999 12:00 GMT"))
        .isInstanceOf(TaggedJsonException.class);
  }
}
